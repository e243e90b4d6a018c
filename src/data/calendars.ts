// The calendar files' data: the timeline of every document and what falls to each unit.
import { getCollection } from 'astro:content';
import { sortDocuments, timelineOf } from '../lib/documents/documents';
import { calendarText, timelineEvents } from '../lib/documents/ical';
import { appliesToUnit, type TimelineEntry } from '../lib/documents/schedule';
import type { Unit } from '../lib/indicators/dataset';
import { site } from '../lib/site/site';

/** When the files were made: SOURCE_DATE_EPOCH for reproducible builds, else now. */
function stamp(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}

export async function timeline(): Promise<TimelineEntry[]> {
  return timelineOf(sortDocuments(await getCollection('van-ban')));
}

export function calendarFor(entries: TimelineEntry[], siteUrl: URL | undefined, unit?: Unit): string {
  if (!siteUrl) throw new Error('astro.config.mjs phải khai báo "site" để tệp lịch có liên kết đầy đủ');
  const own = unit ? entries.filter((e) => appliesToUnit(e, unit)) : entries;
  return calendarText({
    name: unit ? `Sơ kết giữa nhiệm kỳ — ${unit.shortName}` : `${site.shortName}: mọi mốc thời gian`,
    description: unit
      ? `Các mốc thời gian của Kế hoạch sơ kết giữa nhiệm kỳ mà ${unit.name} phải thực hiện.`
      : `Mọi mốc thời gian trong các văn bản về sơ kết giữa nhiệm kỳ ${site.congress}.`,
    events: timelineEvents(own, siteUrl.href),
    stamp: stamp(),
  });
}
