// When a content file last changed, from its last git commit: the "Cập nhật dd/mm/yyyy" of a
// document page and the sitemap's <lastmod>. The committed date, not the file's mtime, which a
// fresh clone or a CI checkout resets. Without git (or a file never committed) there is no date,
// and the page says so rather than invent one.
import { execFileSync } from 'node:child_process';
import { contentPaths, documentFile, programmeFile } from '../content/paths.ts';

export interface LastUpdated {
  /** yyyy-mm-dd, for <time datetime> and <lastmod>. */
  iso: string;
  /** dd/mm/yyyy, for readers. */
  display: string;
}

/** The committer date git prints with %cI ("2026-11-20T23:10:00+07:00"), as the day it shows. */
export function parseCommitDate(output: string): LastUpdated | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T/.exec(output.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  return { iso: `${y}-${m}-${d}`, display: `${d}/${m}/${y}` };
}

const cache = new Map<string, Map<string, LastUpdated> | null>();

/**
 * Every content file's last commit date, from one `git log` over content/ (newest first, so the
 * first date seen for a file is its last change). One process for the whole build: a `git log`
 * per page cost seconds on a thousand documents. Bounded: a missing or slow git gives null.
 */
export function contentCommitDates(cwd: string): Map<string, LastUpdated> | null {
  if (cache.has(cwd)) return cache.get(cwd)!;
  let dates: Map<string, LastUpdated> | null = null;
  try {
    const out = execFileSync('git', ['log', '--format=@@%cI', '--name-only', '--relative', '--', contentPaths.root], {
      cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000, maxBuffer: 256 * 1024 * 1024,
    });
    dates = new Map();
    let current: LastUpdated | null = null;
    for (const line of out.split('\n')) {
      if (line.startsWith('@@')) current = parseCommitDate(line.slice(2));
      else if (line && current && !dates.has(line)) dates.set(line, current);
    }
  } catch {
    dates = null;
  }
  cache.set(cwd, dates);
  return dates;
}

/** The day `file` (a path from the project root) was last committed, or null when git cannot say. */
export function lastCommitDate(file: string, cwd: string): LastUpdated | null {
  return contentCommitDates(cwd)?.get(file) ?? null;
}

export const UNKNOWN_UPDATE = 'Chưa xác định ngày cập nhật (bản dựng không đọc được lịch sử git của tệp nội dung).';

/** The content file a page is built from, for the pages whose source is one file. */
export function contentFileOf(path: string): string | null {
  const doc = /^\/van-ban\/([a-z0-9-]+)\/$/.exec(path);
  if (doc) return documentFile(doc[1]);
  const programme = /^\/chuong-trinh\/([a-z0-9-]+)\/$/.exec(path);
  if (programme) return programmeFile(programme[1]);
  return null;
}
