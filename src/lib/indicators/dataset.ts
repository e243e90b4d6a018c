// Validates the whole indicator data model at once — definitions, units, metadata and every
// results file — so that one bad cell anywhere stops the build before any page is written.
import type { ZodType } from 'zod';
import { validateYaml } from '../content/frontmatter-check.ts';
import { YAML_LIMITS } from '../content/yaml-load.ts';
import type { Problem } from '../problems/problem.ts';
import { problem } from '../problems/messages.ts';
import { addRuleIssue } from '../problems/rule-issues.ts';
import { decodeUtf8, parseResultsCsv, type ResultRow, type ResultsContext } from './results-csv.ts';
import { parseTargetsCsv, type UnitTarget } from './targets-csv.ts';
import { parsePartialDate, isPartialDate } from '../documents/dates.ts';
import { dayKey, formatDayKey, type DayKey, type PlanDates } from './plan-dates.ts';
import type { Edition, Vocabularies } from '../edition/schema.ts';
import {
  datasetMetaSchema,
  indicatorSchemaFor,
  receiptsSchema,
  unitSchemaFor,
  type DatasetMeta,
  type IndicatorDefinition,
  type ReportingUnit,
} from './schemas.ts';

export interface SourceFile {
  /** Path relative to the project root, as shown in messages. */
  path: string;
  bytes: Uint8Array;
}

export interface DatasetFiles {
  meta: SourceFile;
  indicators: SourceFile[];
  units: SourceFile[];
  results: SourceFile[];
  /** Ids of content/chuong-trinh entries, for the indicators' programme references. */
  programmeIds: ReadonlySet<string>;
  /** content/so-lieu/nop-bao-cao.yaml, when the office keeps one. */
  receipts?: SourceFile;
  /** content/so-lieu/muc-tieu-don-vi.csv, when the units' own targets are kept. */
  unitTargets?: SourceFile;
  /** The plan's issue day and deadline (plan-dates.ts), which the receipts are checked against. */
  plan?: PlanDates | null;
  /** What the edition (content/cau-hinh.yaml) says about the data: vocabularies and scope word. */
  edition: DatasetEdition;
}

/**
 * The edition's facts the data model is checked and labelled with: kinds of unit, units of
 * measure and indicator groups (in their order), and the word for the whole (organisation.scope.word).
 */
export type DatasetEdition = Pick<Vocabularies, 'unitTypes' | 'measureUnits' | 'indicatorGroups'> & {
  scope: string;
  /** The congress term of the edition; the dataset's `term` must be the same. */
  term?: { from: number; to: number };
};

/** What a dataset is checked against, taken from a valid edition file. */
export function datasetEdition(edition: Edition): DatasetEdition {
  return { ...edition.vocabularies, scope: edition.organisation.scope.word, term: edition.congress.term };
}

export interface Receipt {
  unit: string;
  /** The day received, YYYYMMDD. */
  date: DayKey;
  note?: string;
}

export interface ReceiptLog {
  file: string;
  completeUnits: 'first' | 'last';
  received: Receipt[];
  plan: PlanDates;
}

export type Indicator = IndicatorDefinition & {
  id: string;
  /** The label of its unit of measure in the edition ("đoàn viên", "%"). */
  unitLabel: string;
  /** The label of its group in the edition ("Nhóm chỉ tiêu chính"). */
  groupLabel: string;
  /** Its group's place in the edition's list: groups are shown in that order. */
  groupOrder: number;
};
export type Unit = ReportingUnit & {
  id: string;
  /** The label of its kind in the edition ("Công đoàn ngành"). */
  typeLabel: string;
};

/** What muc-tieu-don-vi.csv records (targets-csv.ts), with bo-du-lieu.yaml's word on what they are. */
export type { UnitTarget };
export interface UnitTargets {
  file: string;
  status: 'minh-hoa' | 'chinh-thuc';
  source: string;
  /** By unit id, then indicator id. */
  byUnit: Record<string, Record<string, UnitTarget>>;
}

export interface Dataset {
  meta: DatasetMeta;
  indicators: Indicator[];
  units: Unit[];
  rows: ResultRow[];
  /** Years that have at least one result row, ascending. */
  years: number[];
  /** What nop-bao-cao.yaml records; absent when the office keeps no such file. */
  receipts?: ReceiptLog;
  /** The units' own targets (muc-tieu-don-vi.csv); absent when the office keeps no such file. */
  unitTargets?: UnitTargets;
  /** The edition's vocabularies, in their order (groups and kinds of unit are listed in it), and scope word. */
  edition: DatasetEdition;
}

/**
 * The day the figures were last updated (meta.lastUpdated), at midnight UTC: the time the forms
 * and drafts made from them carry as created and modified, so a build makes the same bytes from
 * the same figures whenever it runs.
 */
export function figuresDate(dataset: Pick<Dataset, 'meta'>): Date {
  return new Date(`${dataset.meta.lastUpdated}T00:00:00Z`);
}

/** What a results row is checked against: known units and indicators, the term, the baseline key. */
export function resultsContext(model: Pick<Dataset, 'meta' | 'indicators' | 'units'>): ResultsContext {
  return {
    unitIds: new Set(model.units.map((u) => u.id)),
    indicatorKinds: new Map(model.indicators.map((i) => [i.id, i.kind] as const)),
    term: model.meta.term,
    ...(model.meta.baseline ? { baselineKey: model.meta.baseline.key } : {}),
  };
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function idOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(ya?ml|csv)$/, '');
}

function textOf(file: SourceFile, problems: Problem[]): string | null {
  const decoded = decodeUtf8(file.path, file.bytes);
  if ('problem' in decoded) {
    problems.push(decoded.problem);
    return null;
  }
  return decoded.text;
}

function checkDefinitionFile<T>(file: SourceFile, schema: ZodType<T>, problems: Problem[]): (T & { id: string }) | null {
  // Refused before decoding: the bounded YAML loader would refuse the text anyway.
  if (file.bytes.length > YAML_LIMITS.maxChars) {
    problems.push(problem('tep-qua-lon', { size: file.bytes.length, limit: YAML_LIMITS.maxChars, yaml: 'bytes' }, { file: file.path, line: 1 }));
    return null;
  }
  const text = textOf(file, problems);
  if (text === null) return null;
  const id = idOf(file.path);
  if (!ID.test(id)) {
    problems.push(problem('ten-tep', {}, { file: file.path, line: 1, actual: id }));
  }
  const { value, problems: found } = validateYaml(file.path, text, schema);
  if (value === undefined) {
    problems.push(...found);
    return null;
  }
  return { ...value, id };
}

export function validateDataset(files: DatasetFiles): { dataset: Dataset; problems: [] } | { dataset: null; problems: Problem[] } {
  const problems: Problem[] = [];
  const { term } = files.edition;
  const metaSchema = term
    ? datasetMetaSchema.superRefine((m, ctx) => {
      if (m.term.from !== term.from || m.term.to !== term.to) {
        addRuleIssue(ctx, 'nhiem-ky-an-ban', { term: m.term, edition: term }, ['term']);
      }
    })
    : datasetMetaSchema;
  const meta = checkDefinitionFile(files.meta, metaSchema, problems);

  const { edition: vocabularies } = files;
  const programmeRefs = indicatorSchemaFor(vocabularies).superRefine((data, ctx) => {
    data.programmes.forEach((id, index) => {
      if (!files.programmeIds.has(id)) {
        addRuleIssue(ctx, 'chuong-trinh-khong-co', { id }, ['programmes', index]);
      }
    });
  });
  const indicators = files.indicators
    .map((f) => checkDefinitionFile(f, programmeRefs, problems))
    .filter((x) => x !== null)
    .map((i): Indicator => ({ ...i, unitLabel: vocabularies.measureUnits[i.unit]!, groupLabel: vocabularies.indicatorGroups[i.group]!, groupOrder: Object.keys(vocabularies.indicatorGroups).indexOf(i.group) }));
  const units = files.units
    .map((f) => checkDefinitionFile(f, unitSchemaFor(vocabularies), problems))
    .filter((x) => x !== null)
    .map((u): Unit => ({ ...u, typeLabel: vocabularies.unitTypes[u.type]! }));

  // Results can only be checked against definitions that are themselves valid.
  if (problems.length > 0 || !meta) return { dataset: null, problems };
  const receipts = files.receipts ? checkReceipts(files.receipts, new Set(units.map((u) => u.id)), files.plan ?? null, problems) : undefined;
  const unitTargets = files.unitTargets ? checkUnitTargets(files.unitTargets, files.meta.path, meta, resultsContext({ meta, indicators, units }), problems) : undefined;

  const context = resultsContext({ meta, indicators, units });
  const rows: ResultRow[] = [];
  const seen = new Map<string, ResultRow>();
  for (const file of files.results) {
    const text = textOf(file, problems);
    if (text === null) continue;
    const parsed = parseResultsCsv(file.path, text, context);
    problems.push(...parsed.problems);
    for (const row of parsed.rows) {
      const key = `${row.unit}|${row.period}|${row.indicator}`;
      const first = seen.get(key);
      if (first) {
        problems.push(problem('trung-dong', { file: first.file, line: first.line }, { file: row.file, line: row.line, actual: `${row.unit}, ${row.period}, ${row.indicator}` }));
      } else {
        seen.set(key, row);
        rows.push(row);
      }
    }
  }
  if (problems.length > 0) return { dataset: null, problems };

  const years = [...new Set(rows.filter((r) => /^\d{4}$/.test(r.period)).map((r) => Number(r.period)))].sort((a, b) => a - b);
  const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || a.id.localeCompare(b.id);
  return {
    dataset: { meta, indicators: [...indicators].sort(byOrder), units: [...units].sort(byOrder), rows, years, ...(receipts ? { receipts } : {}), ...(unitTargets ? { unitTargets } : {}), edition: files.edition },
    problems: [],
  };
}

/**
 * nop-bao-cao.yaml: every unit known, every day real and not before the plan, each unit once.
 * The checks run inside the schema so each problem carries the line of its entry.
 */
function checkReceipts(file: SourceFile, unitIds: ReadonlySet<string>, plan: PlanDates | null, problems: Problem[]): ReceiptLog | undefined {
  if (!plan) {
    problems.push(problem('ke-hoach-khong-co-han', {}, { file: file.path, line: 1 }));
    return undefined;
  }
  const schema = receiptsSchema.superRefine((data, ctx) => {
    const seen = new Map<string, number>();
    data.received.forEach((entry, index) => {
      if (!unitIds.has(entry.unit)) {
        addRuleIssue(ctx, 'don-vi-khong-co', { unit: entry.unit }, ['received', index, 'unit']);
      } else if (seen.has(entry.unit)) {
        addRuleIssue(ctx, 'don-vi-trung', { unit: entry.unit, entry: seen.get(entry.unit)! + 1 }, ['received', index, 'unit']);
      }
      seen.set(entry.unit, seen.get(entry.unit) ?? index);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) return;
      const day = parsePartialDate(entry.date);
      if (!isPartialDate(day)) {
        addRuleIssue(ctx, 'ngay-co-that', { reason: day.error }, ['received', index, 'date']);
      } else if (dayKey({ year: day.year, month: day.month, day: day.day! }) < plan.issued) {
        addRuleIssue(ctx, 'ngay-truoc-ke-hoach', { day: formatDayKey(dayKey({ year: day.year, month: day.month, day: day.day! })), issued: formatDayKey(plan.issued) }, ['received', index, 'date']);
      }
    });
  });
  const text = textOf(file, problems);
  if (text === null) return undefined;
  const { value, problems: found } = validateYaml(file.path, text, schema);
  if (value === undefined) {
    problems.push(...found);
    return undefined;
  }
  return {
    file: file.path,
    completeUnits: value.completeUnits,
    plan,
    received: value.received.map((r) => {
      const d = parsePartialDate(r.date) as { year: number; month: number; day: number };
      return { unit: r.unit, date: dayKey(d), ...(r.note ? { note: r.note } : {}) };
    }),
  };
}


/**
 * muc-tieu-don-vi.csv, read with the results' rules (targets-csv.ts); bo-du-lieu.yaml must say what
 * the targets are (`unitTargets`: illustrative or official, and their source).
 */
function checkUnitTargets(file: SourceFile, metaFile: string, meta: DatasetMeta, context: ResultsContext, problems: Problem[]): UnitTargets | undefined {
  if (!meta.unitTargets) {
    problems.push(problem('thieu-truong', { targetsFile: file.path }, { file: metaFile, line: 1, field: 'unitTargets' }));
    return undefined;
  }
  const text = textOf(file, problems);
  if (text === null) return undefined;
  const { byUnit, problems: found } = parseTargetsCsv(file.path, text, context);
  problems.push(...found);
  return found.length > 0 ? undefined : { file: file.path, status: meta.unitTargets.status, source: meta.unitTargets.source, byUnit };
}
