// Collects the data model's files from a project root (content/), for validateDataset().
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDataset, type Dataset, type DatasetFiles, type SourceFile } from './dataset.ts';
import { DataValidationError, type DataProblem } from './problems.ts';
import { JOURNAL, pendingJournal } from '../fs/transaction.ts';

export const DATA_DIRS = {
  indicators: 'content/chi-tieu',
  units: 'content/don-vi',
  results: 'content/so-lieu',
  programmes: 'content/chuong-trinh',
} as const;
export const META_FILE = 'content/so-lieu/bo-du-lieu.yaml';

function filesIn(root: string, dir: string, pattern: RegExp): SourceFile[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => ({ path: `${dir}/${name}`, bytes: readFileSync(join(abs, name)) }));
}

export function readDatasetFiles(root: string): DatasetFiles {
  const programmeIds = new Set(
    (existsSync(join(root, DATA_DIRS.programmes)) ? readdirSync(join(root, DATA_DIRS.programmes)) : [])
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => name.replace(/\.mdx$/, '')),
  );
  return {
    meta: { path: META_FILE, bytes: existsSync(join(root, META_FILE)) ? readFileSync(join(root, META_FILE)) : new Uint8Array() },
    indicators: filesIn(root, DATA_DIRS.indicators, /\.ya?ml$/),
    units: filesIn(root, DATA_DIRS.units, /\.ya?ml$/),
    results: filesIn(root, DATA_DIRS.results, /\.csv$/),
    programmeIds,
  };
}

/** Files in the data folders that are neither definitions nor results: most likely a slip (e.g. a .xlsx saved in place). */
export function strayDataFiles(root: string): DataProblem[] {
  const allowed: [string, RegExp][] = [
    [DATA_DIRS.indicators, /\.ya?ml$/],
    [DATA_DIRS.units, /\.ya?ml$/],
    [DATA_DIRS.results, /(\.csv|^bo-du-lieu\.yaml)$/],
  ];
  return allowed.flatMap(([dir, pattern]) =>
    (existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : [])
      .filter((name) => !pattern.test(name) && !name.startsWith('.'))
      .map((name) => ({ file: `${dir}/${name}`, line: 1, rule: 'tep-la', message: 'tệp không thuộc loại được đọc ở thư mục này (chỉ .yaml hoặc .csv); xoá hoặc chuyển tệp đi để không bị bỏ sót' })),
  );
}

/** Reads and validates; throws DataValidationError listing every problem. */
export function loadDataset(root: string): Dataset {
  // An import killed between its commit point and its last rename leaves a journal: the folder
  // may hold some new files and some old ones, so nothing is built from it until it is finished.
  if (pendingJournal(join(root, DATA_DIRS.results))) {
    throw new DataValidationError([{
      file: `${DATA_DIRS.results}/${JOURNAL}`, line: 1, rule: 'nhap-do-dang',
      message: 'một lần nhập biểu mẫu bị ngắt khi đang ghi các tệp số liệu; chạy "npm run import:form -- --hoan-tat" để ghi nốt (hoặc trả lại như cũ) trước khi kiểm tra hay dựng trang',
    }]);
  }
  const stray = strayDataFiles(root);
  const { dataset, problems } = validateDataset(readDatasetFiles(root));
  if (stray.length > 0 || !dataset) throw new DataValidationError([...stray, ...problems]);
  return dataset;
}
