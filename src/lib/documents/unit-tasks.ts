// What a reporting unit must do and by when: the plan's dated tasks whose `appliesTo` takes in the
// unit (the same rule as its calendar and its draft report, appliesToUnit), each pointing at the
// sentence of the document that says so. Also the "Việc của đơn vị tôi" choices of the home
// timeline, one per kind of unit the site lists. Pure: the pages render these view models.
import { appliesToUnit, lateCongressWindow, type TimelineEntry } from './schedule.ts';
import { routes } from '../site/routes.ts';

type UnitType = string;

export interface UnitLike {
  id: string;
  shortName: string;
  type: UnitType;
  lateCongress: boolean;
}

export interface DossierItem {
  text: string;
  /** Address of the report-kit file that fills the item for this unit, if any. */
  download?: { href: string; label: string };
}

export interface UnitTask {
  id: string;
  /** "Trước ngày 01/02/2026" */
  label: string;
  datetime: string;
  task: string;
  /** The deadline as the document prints it. */
  asIssued: string;
  /** The sentence of the document that sets the task. */
  href: string;
  documentTitle: string;
  dossier: DossierItem[];
}

export interface UnitTodo {
  tasks: UnitTask[];
  /** The row "Thời gian đánh giá" of the unit's page ('' when the plan sets nothing for it). */
  evaluation: string;
  /** Set for the units whose congress was late: the period their report covers, and where the plan says so. */
  lateCongress?: { text: string; href: string };
  draft: { href: string; download: string };
  form: { href: string; download: string };
  formCsv: { href: string; download: string };
}

const sourceHref = (entry: Pick<TimelineEntry, 'documentId' | 'anchor'>) => routes.document(entry.documentId, entry.anchor);

/** The report-kit files of a unit, by the names ReportKitLinks and the /tai-ve/ routes use. */
export function unitDownloads(unitId: string): Pick<UnitTodo, 'draft' | 'form' | 'formCsv'> {
  return {
    draft: { href: routes.draftReport(unitId), download: `du-thao-bao-cao-${unitId}.docx` },
    form: { href: routes.form(unitId, 'xlsx'), download: `bieu-mau-${unitId}.xlsx` },
    formCsv: { href: routes.form(unitId, 'csv'), download: `bieu-mau-${unitId}.csv` },
  };
}

/**
 * A unit's to-do list, in the timeline's (chronological) order. `until`: the edition's last
 * evaluated month (YYYY-MM), said when the plan sets the unit no month of its own.
 */
export function unitTodo(entries: readonly TimelineEntry[], unit: UnitLike, until?: string): UnitTodo {
  const downloads = unitDownloads(unit.id);
  const own = entries.filter((e) => appliesToUnit(e, unit));
  // The late-congress window (appliesTo.lateCongress, kind "until") is the period the report covers,
  // not a task: it is told first, on its own, and not repeated in the list.
  const late = unit.lateCongress ? lateCongressWindow(own) : undefined;
  const tasks = own.filter((e) => e !== late).map((e): UnitTask => ({
    id: e.id,
    label: e.label,
    datetime: e.datetime,
    task: e.task,
    asIssued: e.asIssued,
    href: sourceHref(e),
    documentTitle: e.documentTitle,
    dossier: (e.dossier ?? []).map((item) => ({
      text: item.text,
      download: item.kit === 'bieu-mau'
        ? { href: downloads.form.href, label: `Biểu mẫu của ${unit.shortName} (Excel)` }
        : item.kit === 'du-thao'
          ? { href: downloads.draft.href, label: `Dự thảo báo cáo của ${unit.shortName} (Word)` }
          : undefined,
    })),
  }));
  // The period the report covers: the late-congress window, or else the unit's first "during"
  // task (the month by which the review is held), as the plan words them; else the edition's month.
  const held = own.find((e) => e !== late && e.kind === 'during');
  const [year, month] = (until ?? '').split('-');
  return {
    tasks,
    evaluation: late ? `Đơn vị kéo dài thời gian Đại hội: theo Kế hoạch, đánh giá ${late.asIssued}.` : held ? `Theo Kế hoạch: ${held.asIssued}.` : year && month ? `Từ đầu nhiệm kỳ đến hết tháng ${Number(month)}/${year}.` : '',
    lateCongress: late && {
      text: `${unit.shortName} là đơn vị kéo dài thời gian Đại hội: đánh giá ${late.asIssued}.`,
      href: sourceHref(late),
    },
    ...downloads,
  };
}

export interface TimelineFilter {
  /** Value of the radio input and suffix of the entries' class (viec-<key>); fixed CSS rules match it. */
  key: string;
  label: string;
  /** The units of this kind, by short name. */
  units: string[];
  /** 1, 2, …: the stylesheet's rules go by this number (data-loc, class loc-N), not by the edition's codes. */
  position: number;
}

/** The stylesheet has rules for this many choices (src/styles/global.css); more kinds are listed without a filter. */
export const MAX_TIMELINE_FILTERS = 30;

/** Key of a kind of unit for the timeline filter: its type, and whether its congress was late. */
export const filterKey = (unit: Pick<UnitLike, 'type' | 'lateCongress'>): string =>
  unit.lateCongress ? `${unit.type}-dai-hoi-muon` : unit.type;

/**
 * The "Việc của đơn vị tôi" choices: one per kind of unit present (type × late congress), in the
 * order of the edition's `unitTypes` (each label from there); and for each timeline entry, the
 * keys of the kinds it falls to.
 */
export function timelineFilters(
  entries: readonly TimelineEntry[],
  units: readonly Pick<UnitLike, 'shortName' | 'type' | 'lateCongress'>[],
  unitTypes: Readonly<Record<string, string>>,
): { filters: TimelineFilter[]; keysOf: Map<string, string[]> } {
  const byKey = new Map<string, { type: UnitType; lateCongress: boolean; units: string[] }>();
  const typeOrder = Object.keys(unitTypes);
  const sorted = [...units].sort((a, b) => typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || Number(a.lateCongress) - Number(b.lateCongress));
  for (const unit of sorted) {
    const key = filterKey(unit);
    const group = byKey.get(key) ?? { type: unit.type, lateCongress: unit.lateCongress, units: [] };
    group.units.push(unit.shortName);
    byKey.set(key, group);
  }
  const lateTypes = new Set([...byKey.values()].filter((g) => g.lateCongress).map((g) => g.type));
  const filters = [...byKey.entries()].slice(0, MAX_TIMELINE_FILTERS).map(([key, g], i): TimelineFilter => ({
    key,
    label: g.lateCongress
      ? `${unitTypes[g.type]}, kéo dài thời gian Đại hội (${g.units.join(', ')})`
      : lateTypes.has(g.type) ? `${unitTypes[g.type]}, Đại hội đúng hạn` : unitTypes[g.type],
    units: g.units,
    position: i + 1,
  }));
  const keysOf = new Map(entries.map((e) => [
    e.id,
    filters.filter((f) => appliesToUnit(e, byKey.get(f.key)!)).map((f) => f.key),
  ]));
  return { filters, keysOf };
}
