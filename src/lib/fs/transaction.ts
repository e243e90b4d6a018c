// All-or-nothing replacement of several files in one folder, under a lock, for `npm run import:form`.
//
// Why each step: writeFileSync truncates first, so a crash leaves an empty or cut file; a rename is
// atomic for one file but an import changes several (2024.csv, 2025.csv, …). So every new file is
// written beside its target under a hidden name and fsynced; each old file is kept as a hard link
// (no copy); a journal listing them is written (temp, fsync, rename: it exists whole or not at
// all) — the commit point; then the renames. A crash before the journal exists leaves the old
// files; after it, recover() finishes the renames (or, if one cannot be made, puts every old file
// back). Readers refuse to build while a journal is there (pendingJournal), so a half-renamed
// folder is never published. Hidden names keep the temporary files out of every reader.
import { createHash } from 'node:crypto';
import {
  closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const JOURNAL = '.nhap-bieu-mau.dang-ghi';
export const LOCK = '.nhap-bieu-mau.khoa';
const TEMP = /^\..+\.(moi|cu)-\d+$/;

/** A Vietnamese sentence for a file-system error code, for messages to the office. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC': return 'ổ đĩa đã đầy';
    case 'EDQUOT': return 'đã hết hạn mức dung lượng được phép ghi';
    case 'EACCES':
    case 'EPERM': return 'không có quyền ghi (tệp hoặc thư mục chỉ đọc, hoặc đang bị chương trình khác giữ)';
    case 'EROFS': return 'ổ đĩa chỉ cho đọc';
    case 'EBUSY':
    case 'ETXTBSY': return 'tệp đang bị chương trình khác dùng';
    case 'ENOENT': return 'tệp hoặc thư mục không còn tồn tại';
    case 'EIO': return 'lỗi đọc/ghi của ổ đĩa';
    case 'EFBIG': return 'tệp vượt giới hạn kích thước được phép ghi';
    default: return `lỗi hệ thống tệp${code ? ` (${code})` : ''}`;
  }
}

export class TransactionError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'TransactionError';
  }
}

/**
 * Fault injection for the tests (issue 15: "kill the process at each write"): SOKET_FAULT=kill@N
 * ends the process with SIGKILL just before the N-th change to the disk, fail@N makes that change
 * throw EIO. Unset in normal use; it changes nothing then.
 */
let step = 0;
function point(): void {
  step += 1;
  const fault = /^(kill|fail)@(\d+)$/.exec(process.env.SOKET_FAULT ?? '');
  if (!fault || Number(fault[2]) !== step) return;
  if (fault[1] === 'kill') process.kill(process.pid, 'SIGKILL');
  throw Object.assign(new Error('injected fault'), { code: 'EIO' });
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a new file (failing if it exists) and fsyncs it; a file it could not finish is removed. */
function writeDurable(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    tryUnlink(path);
    throw error;
  }
  closeSync(fd);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface JournalEntry {
  target: string;
  temp: string;
  /** Hard link to the old file; absent when the target is new. */
  backup?: string;
  sha256: string;
}

export interface FileWrite {
  /** A file name in the folder (no slashes). */
  name: string;
  bytes: Uint8Array;
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Puts every old file back (and removes files the import created). Returns the names it could not restore. */
function rollBack(dir: string, entries: readonly JournalEntry[]): string[] {
  const failed: string[] = [];
  for (const e of entries) {
    try {
      if (e.backup) {
        if (existsSync(join(dir, e.backup))) renameSync(join(dir, e.backup), join(dir, e.target));
        // rename() between two links to one file (target not replaced yet) does nothing: drop the link.
        tryUnlink(join(dir, e.backup));
      } else if (existsSync(join(dir, e.target)) && !existsSync(join(dir, e.temp))) {
        unlinkSync(join(dir, e.target));
      }
      tryUnlink(join(dir, e.temp));
    } catch {
      failed.push(e.target);
    }
  }
  return failed;
}

/**
 * Replaces the named files in `dir` all together: afterwards every one holds its new bytes, or —
 * on any error — every one holds its old bytes, and the error says why in Vietnamese.
 */
export function commitFiles(dir: string, writes: readonly FileWrite[]): void {
  const entries: JournalEntry[] = writes.map((w) => ({
    target: w.name,
    temp: `.${w.name}.moi-${process.pid}`,
    ...(existsSync(join(dir, w.name)) ? { backup: `.${w.name}.cu-${process.pid}` } : {}),
    sha256: sha256(w.bytes),
  }));
  const journalTemp = `${JOURNAL}.moi-${process.pid}`;
  const cleanUp = () => {
    for (const e of entries) {
      tryUnlink(join(dir, e.temp));
      if (e.backup) tryUnlink(join(dir, e.backup));
    }
    tryUnlink(join(dir, journalTemp));
  };
  // Before the commit point: any failure leaves the old files as they are.
  try {
    for (const [i, w] of writes.entries()) {
      point();
      writeDurable(join(dir, entries[i]!.temp), w.bytes);
    }
    for (const e of entries) {
      if (!e.backup) continue;
      point();
      linkSync(join(dir, e.target), join(dir, e.backup));
    }
    point();
    writeDurable(join(dir, journalTemp), new TextEncoder().encode(JSON.stringify({ pid: process.pid, entries }, null, 1)));
    point();
    renameSync(join(dir, journalTemp), join(dir, JOURNAL));
    fsyncPath(dir);
  } catch (error) {
    cleanUp();
    throw new TransactionError(`không ghi được vào ${dir}: ${fsReason(error)}; các tệp số liệu giữ nguyên như trước`, error);
  }
  // After it: finish, or put everything back.
  try {
    for (const e of entries) {
      point();
      renameSync(join(dir, e.temp), join(dir, e.target));
    }
    fsyncPath(dir);
  } catch (error) {
    const failed = rollBack(dir, entries);
    if (failed.length > 0) {
      throw new TransactionError(
        `không ghi được ${dir} (${fsReason(error)}) và không trả lại được ${failed.join(', ')}; nhật ký ${JOURNAL} được giữ lại: sửa lỗi ổ đĩa rồi chạy "npm run import:form -- --hoan-tat"`,
        error,
      );
    }
    tryUnlink(join(dir, JOURNAL));
    throw new TransactionError(`không ghi được vào ${dir}: ${fsReason(error)}; các tệp số liệu đã được trả lại như trước`, error);
  }
  // Every new file is in place; what is left is tidying. If that fails, the data is new and
  // whole, and the journal makes readers wait until --hoan-tat has tidied up.
  try {
    point();
    unlinkSync(join(dir, JOURNAL));
    for (const e of entries) if (e.backup) tryUnlink(join(dir, e.backup));
    fsyncPath(dir);
  } catch (error) {
    throw new TransactionError(
      `đã ghi xong ${entries.map((e) => e.target).join(', ')} nhưng không dọn được nhật ký ${JOURNAL} (${fsReason(error)}); chạy "npm run import:form -- --hoan-tat" trước khi kiểm tra hay dựng trang`,
      error,
    );
  }
}

export function pendingJournal(dir: string): boolean {
  return existsSync(join(dir, JOURNAL));
}

/**
 * Finishes or undoes an import that was interrupted (killed, power cut) — call under the lock.
 * Returns what it did, in Vietnamese, or null when there was nothing to do.
 */
export function recover(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const journalPath = join(dir, JOURNAL);
  if (existsSync(journalPath)) {
    const { entries } = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] };
    let forward = true;
    for (const e of entries) {
      try {
        if (existsSync(join(dir, e.temp))) renameSync(join(dir, e.temp), join(dir, e.target));
        if (sha256(readFileSync(join(dir, e.target))) !== e.sha256) forward = false;
      } catch {
        forward = false;
      }
    }
    if (forward) {
      for (const e of entries) if (e.backup) tryUnlink(join(dir, e.backup));
      unlinkSync(journalPath);
      fsyncPath(dir);
      return `Lần nhập trước bị ngắt khi đang ghi; đã ghi nốt: ${entries.map((e) => e.target).join(', ')}.`;
    }
    const failed = rollBack(dir, entries);
    if (failed.length > 0) throw new TransactionError(`lần nhập trước bị ngắt và không trả lại được ${failed.join(', ')}; giữ nhật ký ${JOURNAL} và báo người quản trị`);
    unlinkSync(journalPath);
    fsyncPath(dir);
    return `Lần nhập trước bị ngắt khi đang ghi và không ghi nốt được; đã trả lại như cũ: ${entries.map((e) => e.target).join(', ')}.`;
  }
  const leftovers = readdirSync(dir).filter((name) => (TEMP.test(name) || name.startsWith(`${JOURNAL}.moi-`)) && !name.startsWith(`${LOCK}.`));
  for (const name of leftovers) tryUnlink(join(dir, name));
  return leftovers.length > 0 ? `Đã xoá ${leftovers.length} tệp tạm của một lần nhập bị ngắt trước khi ghi (các tệp số liệu không bị đổi).` : null;
}

// ——— The lock ———

/** Who holds a lock: an import (`npm run import:form`, the sample data) or a build (`npm run build`). */
export type LockHolder = 'nhap' | 'dung-trang';

interface LockInfo {
  pid: number;
  host: string;
  started: string;
  /** Absent in locks written before builds took them: an import's. */
  holder?: LockHolder;
}

/** The build's own lock, in the project folder: two builds in one folder run one after the other. */
export const BUILD_LOCK = '.dung-trang.khoa';

const HOLDER_NAMES: Record<LockHolder, string> = { nhap: 'một lần nhập biểu mẫu', 'dung-trang': 'một lần dựng trang' };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

/** Creates the lock file whole (a temp file hard-linked into place: link fails if the lock exists). */
function tryCreateLock(dir: string, name: string, holder: LockHolder): boolean {
  const temp = join(dir, `${name}.moi-${process.pid}`);
  const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), holder };
  writeDurable(temp, new TextEncoder().encode(JSON.stringify(info)));
  try {
    linkSync(temp, join(dir, name));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    tryUnlink(temp);
  }
}

export interface Lock {
  release: () => void;
  /** Set when a lock left by a process that no longer runs was taken over. */
  staleNote?: string;
}

const time = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toLocaleTimeString('vi-VN', { hour12: false })} ${d.toLocaleDateString('vi-VN')}`;
};

export interface LockOptions {
  /** The lock file's name in the folder: the data folder's (LOCK) unless given. */
  name?: string;
  /** Who takes it, written in the lock so that whoever waits is told. */
  holder?: LockHolder;
  /** Called once, when the lock is held by a live process and the caller starts to wait. */
  onWait?: (message: string) => void;
  /**
   * For a reader (the build): when the folder cannot be written (read-only, another user's), no
   * lock can be taken, and no import of this user could write there either; it then only waits
   * while someone else's lock is there, and goes on without one (the lock's `staleNote` says so).
   */
  readerMayProceed?: boolean;
}

const CANNOT_WRITE = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Takes the folder's lock, waiting up to `waitMs` for another import (or build) to finish. A lock
 * whose process has ended on this machine (killed, power cut) is stale: it is taken over, and said so.
 */
export async function acquireLock(dir: string, waitMs = 30_000, options: LockOptions = {}): Promise<Lock> {
  const name = options.name ?? LOCK;
  const holderOf = (info: LockInfo | null) => HOLDER_NAMES[info?.holder ?? 'nhap'];
  const path = join(dir, name);
  const deadline = Date.now() + waitMs;
  let staleNote: string | undefined;
  let waiting = false;
  for (;;) {
    try {
      if (tryCreateLock(dir, name, options.holder ?? 'nhap')) {
        let held = true;
        return {
          release: () => {
            if (!held) return;
            held = false;
            if (readLock(path)?.pid === process.pid) tryUnlink(path);
          },
          ...(staleNote ? { staleNote } : {}),
        };
      }
    } catch (error) {
      if (!options.readerMayProceed || !CANNOT_WRITE.has((error as NodeJS.ErrnoException).code ?? '')) {
        throw new TransactionError(`không tạo được khoá ${path}: ${fsReason(error)}`, error);
      }
      const other = readLock(path);
      if (!existsSync(path) || (other && other.host === hostname() && !alive(other.pid))) {
        return { release: () => {}, staleNote: `Thư mục ${dir} không ghi được (${fsReason(error)}), nên không giữ khoá ${name}; không có lần nhập nào đang ghi ở đó, tiếp tục.` };
      }
      // Someone else's live lock: wait for it as if this one could be taken.
    }
    const holder = readLock(path);
    const age = (() => {
      try {
        return Date.now() - statSync(path).mtimeMs;
      } catch {
        return 0;
      }
    })();
    const stale = holder ? holder.host === hostname() && !alive(holder.pid) : age > 10_000;
    if (stale) {
      staleNote = holder
        ? `Khoá ${name} do ${holder.holder === 'dung-trang' ? 'lần dựng trang' : 'lần nhập'} trước (tiến trình ${holder.pid}, bắt đầu ${time(holder.started)}) để lại: tiến trình đó không còn chạy (bị dừng giữa chừng), nên khoá được gỡ.`
        : `Khoá ${name} hỏng (không đọc được) và đã cũ; khoá được gỡ.`;
      // Renamed away first, so of two processes that both find it stale only one removes it.
      try {
        renameSync(path, join(dir, `${name}.cu-${process.pid}`));
        tryUnlink(join(dir, `${name}.cu-${process.pid}`));
      } catch {
        // another process took it over first; go round again
      }
      continue;
    }
    const who = `${holderOf(holder)}${holder ? ` (tiến trình ${holder.pid} trên máy ${holder.host}, từ ${time(holder.started)})` : ''}`;
    if (Date.now() > deadline) {
      throw new TransactionError(
        holder?.holder === 'dung-trang'
          ? `thư mục ${dir} đang được ${who} ${name === LOCK ? 'đọc' : 'dùng'}; đã chờ ${Math.round(waitMs / 1000)} giây. Chờ lần dựng trang đó xong rồi chạy lại; nếu chắc chắn không còn lần dựng nào, xoá tệp ${path}`
          : `thư mục ${dir} đang được một lần nhập khác ghi${holder ? ` (tiến trình ${holder.pid} trên máy ${holder.host}, từ ${time(holder.started)})` : ''}; đã chờ ${Math.round(waitMs / 1000)} giây. Chờ lần nhập đó xong rồi chạy lại; nếu chắc chắn không còn lần nhập nào, xoá tệp ${path}`,
      );
    }
    if (!waiting) {
      waiting = true;
      options.onWait?.(`Đang chờ ${who} xong (khoá ${path}; chờ tối đa ${Math.round(waitMs / 1000)} giây)…`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
