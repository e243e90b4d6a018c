// What the home page shows besides its fixed text, computed here so that the page only renders it:
// the first documents and the link to all of them, the reporting counts, the timeline with its
// "Việc của đơn vị tôi" choices, and the edition's programme levels and kinds of unit in words.
import type { Edition } from '../edition/schema.ts';
import { sortDocuments, type DocumentLike } from '../documents/documents.ts';
import type { TimelineEntry } from '../documents/schedule.ts';
import { timelineView } from './timeline-view.ts';
import { timelineFilters, type UnitLike } from '../documents/unit-tasks.ts';
import { formatInteger } from '../indicators/format.ts';
import type { ReportingStatus } from '../indicators/reporting.ts';
import { HOME_DOCUMENTS } from '../site/pagination.ts';
import { routes } from '../site/routes.ts';
import { noticeViews, type NoticeLike } from './notices.ts';

export interface HomePageInput<D extends DocumentLike> {
  /** Every document of the edition, in any order. */
  documents: readonly D[];
  programmes: readonly { data: { level: string } }[];
  /** The review's timeline (every document's dated tasks, in order). */
  timeline: readonly TimelineEntry[];
  units: readonly Pick<UnitLike, 'shortName' | 'type' | 'lateCongress'>[];
  reporting: Pick<ReportingStatus, 'counts' | 'receipts'>;
  edition: { vocabularies: Pick<Edition['vocabularies'], 'unitTypes' | 'programmeLevels'>; evaluation: Pick<Edition['review']['evaluation'], 'years'> };
  /** The office's notices, and the day of the build (notices.ts buildDay): current ones make the banner. */
  notices?: readonly NoticeLike[];
  today?: string;
}

export function homePageModel<D extends DocumentLike>(input: HomePageInput<D>) {
  const { vocabularies, evaluation } = input.edition;
  const documents = sortDocuments([...input.documents]);
  const { counts, receipts } = input.reporting;
  const titles = new Map(input.documents.map((d) => [d.id, d.data.title]));
  return {
    /** Notices current on the day of the build, newest first: the home page's banner. */
    notices: noticeViews(input.notices ?? [], input.today ?? '', (id) => titles.get(id)).filter((n) => n.current),
    noticesHref: routes.notices(),
    /** The first documents in the edition's order, as cards. */
    documents: documents.slice(0, HOME_DOCUMENTS),
    allDocuments: {
      href: routes.documents(),
      label: documents.length > HOME_DOCUMENTS ? `Xem tất cả ${formatInteger(documents.length)} văn bản` : 'Danh sách văn bản',
    },
    reporting: {
      complete: `${formatInteger(counts.du)}/${formatInteger(counts.units)}`,
      incomplete: formatInteger(counts.thieu),
      none: formatInteger(counts.chua),
      receipts: receipts ? { received: formatInteger(receipts.received), onTime: formatInteger(receipts.onTime), late: formatInteger(receipts.late) } : null,
    },
    timeline: timelineView(input.timeline, { filter: timelineFilters(input.timeline, input.units, vocabularies.unitTypes) }),
    /** "<level>: 3 chương trình; <level>: 5 chương trình", per level in the edition's order, levels without a programme left out. */
    programmeLevels: Object.entries(vocabularies.programmeLevels)
      .map(([level, label]) => ({ label, count: input.programmes.filter((p) => p.data.level === level).length }))
      .filter((l) => l.count > 0)
      .map((l) => `${l.label}: ${formatInteger(l.count)} chương trình`)
      .join('; '),
    years: `${evaluation.years.from} – ${evaluation.years.to}`,
    unitTypes: Object.values(vocabularies.unitTypes).join('; '),
  };
}

export type HomePageModel<D extends DocumentLike> = ReturnType<typeof homePageModel<D>>;
