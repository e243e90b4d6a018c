// What /kiem-tra-bieu-mau/ tells a unit about its filled form before it sends it: the problems,
// exactly as `npm run import:form` words them (the same readForm and formatProblem of
// import.ts run here, in the browser), or, for a valid form, its figures beside the published ones
// and the year's allocation, what an import would change, and the file's SHA-256 to quote when
// sending. Runs in the browser and in Node (the unit tests); nothing here touches a disk or the
// network.
import type { Dataset } from '../indicators/dataset.ts';
import { quantityOf } from '../indicators/aggregate.ts';
import { formatInteger, formatQuantityDetailed, formatTarget } from '../indicators/format.ts';
import type { ResultRow } from '../indicators/results-csv.ts';
import { formatProblem } from '../problems/problem.ts';
import { problem } from '../problems/messages.ts';
import { changeCounts, formPeriods, MAX_FORM_BYTES, formTooLarge, planChanges, readForm, type ChangeAction } from './import.ts';
import { FORM_SHEET, UNIT_CELL } from './form-layout.ts';

/** The data the check needs, as the site publishes it (JSON): the validated dataset without its receipts. */
export type CheckDataset = Omit<Dataset, 'receipts'>;

export function checkDatasetOf(dataset: Dataset): CheckDataset {
  const { receipts: _receipts, ...rest } = dataset;
  // Rows keep only what the comparison reads; file and line of the site's files mean nothing to a unit.
  return { ...rest, rows: rest.rows.map((r) => ({ ...r, file: '', line: 0 })) };
}

export type CellState = ChangeAction | 'same' | 'blank' | 'kept';

export interface SummaryCell {
  period: string;
  /** The form's figure, or "để trống". */
  figure: string;
  /** The figure now published, when the import would change it. */
  published?: string;
  state: CellState;
  /** "thêm", "sửa", "xoá", "như trên trang", "để trống", "giữ số mới hơn của trang". */
  stateLabel: string;
  /** The year's allocation (province-wide), when there is one. */
  allocation?: string;
  where?: string;
}

export interface SummaryLine {
  indicatorId: string;
  name: string;
  unitOfMeasure: string;
  cells: SummaryCell[];
}

export type CheckResult =
  | { ok: false; messages: string[] }
  | {
    ok: true;
    /** The edition's word for the whole (organisation.scope.word): the allocations are its. */
    scope: string;
    unitId: string;
    unitName: string;
    periods: { key: string; label: string }[];
    lines: SummaryLine[];
    counts: Record<ChangeAction, number> & { same: number; blank: number; kept: number };
    /** Cells the unit cleared: the import needs the office's consent (--dong-y-xoa) for these. */
    deletions: string[];
  };

const STATE_LABELS: Record<CellState, string> = {
  add: 'thêm mới', update: 'sửa', delete: 'xoá số đang có', same: 'như trên trang', blank: 'để trống', kept: 'giữ số mới hơn của trang',
};

function figureOf(row: ResultRow | null | undefined, kind: 'count' | 'rate'): string {
  return row ? formatQuantityDetailed(quantityOf(row, kind)) : 'để trống';
}

/**
 * Reads and checks a form with import.ts, then summarises it for the unit. `expectedUnit`: the unit
 * the person said they send for (the page's choice); a form of another unit is then refused, since
 * sending it would put figures under the wrong name.
 */
export async function checkForm(name: string, bytes: Uint8Array, dataset: CheckDataset, expectedUnit?: string): Promise<CheckResult> {
  const tooLarge = formTooLarge(name, bytes.byteLength);
  if (tooLarge) return { ok: false, messages: [formatProblem(tooLarge)] };
  const form = await readForm(name, bytes, dataset);
  if ('problems' in form) return { ok: false, messages: form.problems.map(formatProblem) };
  if (expectedUnit && form.unitId !== expectedUnit) {
    const nameOf = (id: string) => dataset.units.find((u) => u.id === id)?.name ?? id;
    return {
      ok: false,
      messages: [formatProblem(problem('don-vi-khac', { formUnit: nameOf(form.unitId), chosen: nameOf(expectedUnit) }, {
        file: name, place: /\.xlsx$/i.test(name) ? `trang "${FORM_SHEET}", ô ${UNIT_CELL}` : 'cột don_vi', actual: nameOf(form.unitId),
      }))],
    };
  }
  const plan = planChanges(form, dataset);
  const periods = formPeriods(dataset);
  const changeAt = new Map(plan.changes.map((c) => [`${c.indicator}|${c.period}`, c]));
  const keptAt = new Set(plan.keptNewer.map((k) => `${k.indicator}|${k.period}`));
  const entryAt = new Map(form.entries.map((e) => [`${e.indicator}|${e.period}`, e]));
  const published = new Map(dataset.rows.filter((r) => r.unit === form.unitId).map((r) => [`${r.indicator}|${r.period}`, r]));
  const counts = { ...changeCounts(plan), same: plan.unchanged, blank: plan.leftBlank, kept: plan.keptNewer.length };

  const lines = dataset.indicators.map((indicator): SummaryLine => ({
    indicatorId: indicator.id,
    name: indicator.name,
    unitOfMeasure: indicator.unitLabel,
    cells: periods.map((p): SummaryCell => {
      const key = `${indicator.id}|${p.key}`;
      const entry = entryAt.get(key);
      const change = changeAt.get(key);
      const state: CellState = change ? change.action : keptAt.has(key) ? 'kept' : entry?.row ? 'same' : 'blank';
      const target = indicator.annualTargets[p.key];
      return {
        period: p.key,
        figure: figureOf(entry?.row, indicator.kind),
        ...(change && change.action !== 'add' ? { published: figureOf(published.get(key), indicator.kind) } : {}),
        state,
        stateLabel: STATE_LABELS[state],
        ...(target === undefined ? {} : { allocation: `${formatTarget(target, indicator.kind)}${indicator.kind === 'count' ? ` ${indicator.unitLabel}` : ''}` }),
        ...(entry ? { where: entry.where } : {}),
      };
    }),
  }));
  const periodLabel = new Map(periods.map((p) => [p.key, p.label]));
  const unit = dataset.units.find((u) => u.id === form.unitId);
  return {
    ok: true,
    scope: dataset.edition.scope,
    unitId: form.unitId,
    unitName: unit?.name ?? form.unitId,
    periods,
    lines,
    counts,
    deletions: plan.changes.filter((c) => c.action === 'delete').map((c) => `${dataset.indicators.find((i) => i.id === c.indicator)?.name ?? c.indicator}, ${periodLabel.get(c.period) ?? c.period} [${c.where}]`),
  };
}

/** SHA-256 of the file's bytes as 64 hex digits (Web Crypto: the same in the browser and in Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** "12 thêm mới, 3 sửa, …": the counts in words, for the summary's first line. */
export function countsText(counts: Extract<CheckResult, { ok: true }>['counts']): string {
  const parts: [number, string][] = [
    [counts.add, 'ô thêm mới'], [counts.update, 'ô sửa'], [counts.delete, 'ô xoá số đang có'],
    [counts.same, 'ô như trên trang'], [counts.kept, 'ô giữ số mới hơn của trang'], [counts.blank, 'ô để trống'],
  ];
  return parts.filter(([n]) => n > 0).map(([n, what]) => `${formatInteger(n)} ${what}`).join(', ');
}

export { MAX_FORM_BYTES };
