// Collects the data model's files from a project root (content/), for validateDataset().
import { contentPaths, documentFile, EDITION_FILE } from '../content/paths.ts';
import { listContentDir, readContentDir, readContentFile, type FileRefusal } from '../content/content-dir.ts';
import { datasetEdition, validateDataset, type Dataset, type DatasetFiles, type SourceFile } from './dataset.ts';
import { ProblemsError, type Problem } from '../problems/problem.ts';
import { problem } from '../problems/messages.ts';
import { join } from 'node:path';
import { JOURNAL, pendingJournal } from '../fs/transaction.ts';
import { readFrontMatter } from '../content/frontmatter-check.ts';
import { planDatesOf, type PlanDates } from './plan-dates.ts';
import { checkEdition, type CheckedEdition } from '../edition/load.ts';
import { DEFAULT_PLAN_ID } from '../edition/schema.ts';

export const DATA_DIRS = {
  indicators: contentPaths.indicators,
  units: contentPaths.units,
  results: contentPaths.results,
  programmes: contentPaths.programmes,
} as const;
export const META_FILE = contentPaths.datasetMeta;
/** Optional: the day each unit's report was received (schemas.ts, receiptsSchema). */
export const RECEIPTS_FILE = contentPaths.receipts;
/** Optional: each unit's own term targets and allocations (targets-csv.ts); not a results file. */
export const UNIT_TARGETS_FILE = contentPaths.unitTargets;
/** Every .csv of the results folder but the targets file. */
const RESULTS_PATTERN = /^(?!muc-tieu-don-vi\.csv$).*\.csv$/;
/** The plan's front matter is read for its deadline; documents are far below this limit. */
const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/**
 * Size limits, checked before a file is read (README, "Số liệu các chỉ tiêu"). A results file of the
 * benchmark's 200 units × 50 indicators is about 0.4 MB a year (1.2 MB for three years in one
 * file); a definition is under 1 KB. The limits leave wide room for real data and long notes, and
 * keep a hostile file (50 MB of blank lines) from being read at all.
 */
export const MAX_RESULTS_BYTES = 10 * 1024 * 1024;
export const MAX_YAML_BYTES = 256 * 1024;

const refusalProblem = (r: FileRefusal): Problem => ({ file: r.file, rule: r.rule, message: r.message });

function filesIn(root: string, dir: string, pattern: RegExp, maxBytes: number, problems: Problem[]): SourceFile[] {
  const { files, refusals } = readContentDir(root, dir, pattern, maxBytes);
  problems.push(...refusals.map(refusalProblem));
  return files.map((f) => ({ path: f.file, bytes: f.bytes }));
}

/** The data files, with every file refused as a whole (a folder named .csv, a FIFO, a link out, too large). */
export function readDatasetFilesChecked(root: string, edition: CheckedEdition = checkEdition(root)): { files: DatasetFiles; problems: Problem[] } {
  const problems: Problem[] = [];
  // The vocabularies the definitions are checked against come from the edition file (already
  // checked when the caller passes it: src/lib/gateway/content.ts reads it once per process).
  problems.push(...edition.problems);
  const facts = edition.edition ? datasetEdition(edition.edition) : { unitTypes: {}, measureUnits: {}, indicatorGroups: {}, scope: '' };
  const programmes = listContentDir(root, DATA_DIRS.programmes);
  problems.push(...programmes.refusals.map(refusalProblem));
  const programmeIds = new Set(programmes.names.filter((name) => name.endsWith('.mdx')).map((name) => name.replace(/\.mdx$/, '')));
  const meta = readContentFile(root, META_FILE, MAX_YAML_BYTES);
  if ('refusal' in meta) problems.push(refusalProblem(meta.refusal));
  const files: DatasetFiles = {
    meta: { path: META_FILE, bytes: 'bytes' in meta ? meta.bytes : new Uint8Array() },
    indicators: filesIn(root, DATA_DIRS.indicators, /\.ya?ml$/, MAX_YAML_BYTES, problems),
    units: filesIn(root, DATA_DIRS.units, /\.ya?ml$/, MAX_YAML_BYTES, problems),
    results: filesIn(root, DATA_DIRS.results, RESULTS_PATTERN, MAX_RESULTS_BYTES, problems),
    programmeIds,
    edition: facts,
  };
  const unitTargets = readContentFile(root, UNIT_TARGETS_FILE, MAX_RESULTS_BYTES);
  if ('refusal' in unitTargets) problems.push(refusalProblem(unitTargets.refusal));
  if ('bytes' in unitTargets) files.unitTargets = { path: UNIT_TARGETS_FILE, bytes: unitTargets.bytes };
  const receipts = readContentFile(root, RECEIPTS_FILE, MAX_YAML_BYTES);
  if ('refusal' in receipts) problems.push(refusalProblem(receipts.refusal));
  if ('bytes' in receipts) {
    files.receipts = { path: RECEIPTS_FILE, bytes: receipts.bytes };
    files.plan = planDates(root, documentFile(edition.edition?.review.plan ?? DEFAULT_PLAN_ID));
  }
  return { files, problems };
}

/** The plan's issue day and deadline from its front matter; null when it cannot be read (the front-matter check says why). */
function planDates(root: string, file: string): PlanDates | null {
  const plan = readContentFile(root, file, MAX_PLAN_BYTES);
  if (!('bytes' in plan)) return null;
  return planDatesOf(readFrontMatter(new TextDecoder().decode(plan.bytes)).data);
}

/** The data files that could be read (loadDataset() has already refused any that could not). */
export function readDatasetFiles(root: string): DatasetFiles {
  return readDatasetFilesChecked(root).files;
}

/** Files in the data folders that are neither definitions nor results: most likely a slip (e.g. a .xlsx saved in place). */
export function strayDataFiles(root: string): Problem[] {
  const allowed: [string, RegExp][] = [
    [DATA_DIRS.indicators, /\.ya?ml$/],
    [DATA_DIRS.units, /\.ya?ml$/],
    [DATA_DIRS.results, /(\.csv|^bo-du-lieu\.yaml|^nop-bao-cao\.yaml)$/],
  ];
  // Hidden files are left out of the listing: ignored, not reported. A folder that cannot be
  // listed is reported once, by readDatasetFilesChecked.
  return allowed.flatMap(([dir, pattern]) =>
    listContentDir(root, dir).names
      .filter((name) => !pattern.test(name))
      .map((name) => problem('tep-la', {}, { file: `${dir}/${name}`, line: 1 })),
  );
}

/** Reads and validates; throws a ProblemsError ('data') listing every problem. `edition`: the edition file already checked, if it was. */
export function loadDataset(root: string, edition?: CheckedEdition): Dataset {
  // An import killed between its commit point and its last rename leaves a journal: the folder
  // may hold some new files and some old ones, so nothing is built from it until it is finished.
  if (pendingJournal(join(root, DATA_DIRS.results))) {
    throw new ProblemsError('data', [problem('nhap-do-dang', {}, { file: `${DATA_DIRS.results}/${JOURNAL}`, line: 1 })]);
  }
  const stray = strayDataFiles(root);
  const { files, problems: refused } = readDatasetFilesChecked(root, edition);
  // Without its metadata the dataset cannot be checked further; the refusal says why.
  // Without its metadata or a definition file the dataset cannot be checked further: every row of
  // a refused indicator or unit would only repeat "unknown", so the refusal alone is said.
  const definitionRefused = refused.some((p) => p.file === META_FILE || p.file === EDITION_FILE || p.file.startsWith(`${DATA_DIRS.indicators}/`) || p.file.startsWith(`${DATA_DIRS.units}/`));
  const { dataset, problems } = definitionRefused ? { dataset: null, problems: [] } : validateDataset(files);
  if (stray.length > 0 || refused.length > 0 || !dataset) throw new ProblemsError('data', [...stray, ...refused, ...problems]);
  return dataset;
}
