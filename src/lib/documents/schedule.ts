// The dated tasks of a document ("who does what by when"), as front-matter data.
// Pure: used by src/content.config.ts and by the unit tests.
import { z } from '../content/zod-vi.ts';
import {
  endKey,
  formatPartialDate,
  isPartialDate,
  isoPartialDate,
  parsePartialDate,
  startKey,
  type PartialDate,
} from './dates.ts';
import { vocabularyCode } from '../edition/schema.ts';

/** YAML turns an unquoted 2025-08-20 into a Date; keep it as the text the author meant. */
export const partialDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().superRefine((value, ctx) => {
    const parsed = parsePartialDate(value);
    if (!isPartialDate(parsed)) ctx.addIssue({ code: 'custom', message: `Ngày không hợp lệ: ${parsed.error}`, params: { rule: 'ngay-co-that' } });
  }),
);

export const deadlineKinds = ['before', 'during', 'early', 'until'] as const;

/** A schedule entry whose `appliesTo.types` are codes of `unitTypes` (any well-formed code when null). */
export function scheduleItemSchemaFor(unitTypes: Readonly<Record<string, string>> | null) {
  return z
    .strictObject({
      /** Stable id, used as the timeline item's anchor. */
      id: z.string().regex(/^[a-z0-9-]+$/, 'id chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
      /** What must be done (Vietnamese, close to the source wording). */
      task: z.string().min(1),
      /** Who does it. */
      who: z.string().min(1),
      /**
       * Which reporting units the task falls to, for their calendars (/lich/<unit>.ics): units of
       * these kinds (every kind when omitted), and only those whose congress was late when
       * lateCongress is true. Absent: a task of the publishing organisation itself, in the full
       * calendar only. The kinds are codes of the edition's `unitTypes` (content-schemas.ts checks them).
       */
      appliesTo: z.object({
        types: z.array(vocabularyCode(unitTypes, 'loại đơn vị', 'vocabularies.unitTypes')).min(1).optional(),
        lateCongress: z.boolean().optional(),
      }).strict().optional(),
      /**
       * What must go with it, as the source lists it (the plan's "Hồ sơ kèm theo gồm: …"), each item
       * verbatim from the sentence at `anchor`; `kit` names the report-kit file that fills the item.
       */
      dossier: z.array(z.strictObject({
        text: z.string().min(1),
        kit: z.enum(['bieu-mau', 'du-thao']).optional(),
      })).min(1).optional(),
      /** before: trước ngày `end`; during: trong tháng `end` or từ `start` đến `end`; early: đầu tháng `end`; until: đánh giá đến `end`. */
      kind: z.enum(deadlineKinds),
      start: partialDate.optional(),
      end: partialDate,
      /** The deadline exactly as the source prints it. */
      asIssued: z.string().min(1),
      /** Anchor (heading slug or <Moc id>) of the paragraph the task comes from. */
      anchor: z.string().regex(/^[a-z0-9-]+$/, 'neo chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
      /** When the printed date is an evident slip: the date the timeline sorts by, explained in editorNote. */
      sortAs: partialDate.optional(),
      editorNote: z.string().optional(),
    })
    .superRefine((item, ctx) => {
      if (item.start !== undefined && item.kind !== 'during') {
        ctx.addIssue({ code: 'custom', path: ['start'], message: `"start" chỉ dùng với kind "during" (đang là "${item.kind}")`, params: { rule: 'start-chi-voi-during' } });
      }
      const start = item.start === undefined ? undefined : parsePartialDate(item.start);
      const end = parsePartialDate(item.end);
      if (start && isPartialDate(start) && isPartialDate(end) && startKey(start) > endKey(end)) {
        ctx.addIssue({ code: 'custom', path: ['start'], message: `Ngày bắt đầu ${item.start} sau ngày kết thúc ${item.end}`, params: { rule: 'bat-dau-truoc-ket-thuc' } });
      }
      if (item.sortAs !== undefined && !item.editorNote) {
        ctx.addIssue({ code: 'custom', path: ['editorNote'], message: 'Có "sortAs" thì phải có "editorNote" giải thích vì sao', params: { rule: 'sortas-can-ghi-chu' } });
      }
    });
}

export const scheduleItemSchema = scheduleItemSchemaFor(null);

export function scheduleSchemaFor(unitTypes: Readonly<Record<string, string>> | null) {
  return z.array(scheduleItemSchemaFor(unitTypes)).superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `id "${item.id}" bị trùng`, params: { rule: 'id-duy-nhat' } });
      seen.add(item.id);
    });
  });
}

export const scheduleSchema = scheduleSchemaFor(null);

export type ScheduleItem = z.infer<typeof scheduleItemSchema>;

export interface TimelineEntry extends ScheduleItem {
  documentId: string;
  documentTitle: string;
  startDate?: PartialDate;
  endDate: PartialDate;
  /** Vietnamese deadline label, e.g. "Trước ngày 20/08/2025". */
  label: string;
  /** Value for <time datetime>. */
  datetime: string;
  sortKey: number;
}

function parsed(value: string): PartialDate {
  const date = parsePartialDate(value);
  if (!isPartialDate(date)) throw new Error(date.error);
  return date;
}

export function deadlineLabel(item: Pick<ScheduleItem, 'kind' | 'start' | 'end'>): string {
  const end = parsed(item.end);
  const endText = formatPartialDate(end);
  switch (item.kind) {
    case 'before':
      return end.day === undefined ? `Trước tháng ${endText}` : `Trước ngày ${endText}`;
    case 'during':
      if (item.start !== undefined) return `Từ ${formatPartialDate(parsed(item.start))} đến ${endText}`;
      return end.day === undefined ? `Trong tháng ${endText}` : `Ngày ${endText}`;
    case 'early':
      return `Đầu tháng ${endText}`;
    case 'until':
      return `Đến ${end.day === undefined ? 'tháng ' : 'ngày '}${endText}`;
  }
}

/** Merges the schedules of several documents into one chronological timeline. */
export function buildTimeline(
  documents: { id: string; title: string; schedule: ScheduleItem[] }[],
): TimelineEntry[] {
  const entries = documents.flatMap((doc) =>
    doc.schedule.map((item, order): TimelineEntry & { order: number } => {
      const endDate = parsed(item.end);
      const startDate = item.start === undefined ? undefined : parsed(item.start);
      const sortDate = item.sortAs === undefined ? endDate : parsed(item.sortAs);
      return {
        ...item,
        documentId: doc.id,
        documentTitle: doc.title,
        startDate,
        endDate,
        label: deadlineLabel(item),
        datetime: startDate ? `${isoPartialDate(startDate)}/${isoPartialDate(endDate)}` : isoPartialDate(endDate),
        sortKey: endKey(sortDate),
        order,
      };
    }),
  );
  entries.sort((a, b) => a.sortKey - b.sortKey || a.documentId.localeCompare(b.documentId) || a.order - b.order);
  return entries.map(({ order: _order, ...entry }) => entry);
}

/** Does a schedule entry fall to this unit (its kind, and its congress date when that matters)? */
export function appliesToUnit(item: Pick<ScheduleItem, 'appliesTo'>, unit: { type: string; lateCongress: boolean }): boolean {
  const to = item.appliesTo;
  if (!to) return false;
  if (to.types && !(to.types as string[]).includes(unit.type)) return false;
  if (to.lateCongress !== undefined && to.lateCongress !== unit.lateCongress) return false;
  return true;
}

/** The plan's window for units whose congress was late ("Đến tháng …"): its `until` entry for those units. */
export function lateCongressWindow<T extends Pick<ScheduleItem, 'kind' | 'appliesTo'>>(entries: readonly T[]): T | undefined {
  return entries.find((e) => e.kind === 'until' && e.appliesTo?.lateCongress === true);
}
