// Reading the files of a content/ folder without trusting what sits there: hidden files (".nhap.csv")
// are ignored; a folder, FIFO, socket or device under a data file's name, a symbolic link that is
// broken or leads outside content/, and a file over its size limit are refused with a reason, before
// anything is opened (a FIFO opened for reading would block for ever); and no read goes past the limit.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { RuleId } from '../problems/rules.ts';
import { messageOf, sizeText, type MessageValues, type PathKind, type WordedRule } from '../problems/messages.ts';

export { sizeText };

/** A file refused as a whole: `file` is the path from the project root, as messages show it. */
export interface FileRefusal {
  file: string;
  rule: RuleId;
  message: string;
}

export interface ReadFile {
  /** The name in its folder. */
  name: string;
  /** Path from the project root with "/", e.g. "content/so-lieu/2025.csv". */
  file: string;
  bytes: Uint8Array;
}

/** Hidden files (a leading dot: drafts, editors' lock and backup files) are never read nor published. */
export function isHidden(name: string): boolean {
  return name.startsWith('.');
}


/** What an operating-system error means for the reader, without Node's English text or codes. */
export function systemReason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT': return 'không tồn tại';
    case 'ENOTDIR': return 'một phần của đường dẫn không phải thư mục';
    case 'EACCES':
    case 'EPERM': return 'không có quyền đọc';
    case 'ELOOP': return 'liên kết tượng trưng vòng quanh chính nó';
    case 'EISDIR': return 'là thư mục, không phải tệp';
    case 'ENAMETOOLONG': return 'tên quá dài';
    case 'EMFILE':
    case 'ENFILE': return 'hệ thống đang mở quá nhiều tệp';
    case 'EIO': return 'lỗi đọc ổ đĩa';
    default: return 'lỗi hệ thống khi đọc';
  }
}

function kindOf(stat: Stats): PathKind | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'dir';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'device';
  return 'other';
}

/** A refusal of `file` by a catalogued rule, worded by the catalogue (src/lib/problems/messages.ts). */
function refusal<R extends WordedRule>(file: string, rule: R, values: MessageValues<R>): FileRefusal {
  return { file, rule, message: messageOf(rule, values) };
}

function inside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/** The real content/ folder, for deciding whether a link stays inside it. */
function contentRealPath(root: string): string {
  try {
    return realpathSync(join(root, 'content'));
  } catch {
    return join(root, 'content');
  }
}

type Checked = { real: string } | { refusal: FileRefusal } | { missing: true };

/** lstat/stat only, nothing opened: what `rel` is and where it really leads. */
function checkPath(root: string, rel: string, expect: 'file' | 'dir', maxBytes = Infinity): Checked {
  const abs = join(root, rel);
  const refuse = <R extends WordedRule>(rule: R, values: MessageValues<R>): Checked => ({ refusal: refusal(rel, rule, values) });
  let link: Stats;
  try {
    link = lstatSync(abs);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { missing: true };
    return refuse('khong-doc-duoc', { reason: systemReason(error) });
  }
  let real = abs;
  if (link.isSymbolicLink()) {
    try {
      real = realpathSync(abs);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return refuse('lien-ket-hong', { loop: code === 'ELOOP' });
    }
    if (!inside(contentRealPath(root), real)) {
      return refuse('lien-ket-ngoai', {});
    }
  }
  let stat: Stats;
  try {
    stat = link.isSymbolicLink() ? statSync(real) : link;
  } catch (error) {
    return refuse('khong-doc-duoc', { reason: systemReason(error) });
  }
  if (expect === 'dir') {
    return stat.isDirectory() ? { real } : refuse('khong-phai-thu-muc', { kind: kindOf(stat) });
  }
  const kind = kindOf(stat);
  if (kind) return refuse('khong-phai-tep', { kind, fix: true });
  if (stat.size > maxBytes) return refuse('tep-qua-lon', { size: stat.size, limit: maxBytes });
  return { real };
}

/** Reads at most maxBytes (a file may grow between the check and the read); never blocks on a FIFO. */
function readBounded(rel: string, real: string, maxBytes: number): { bytes: Uint8Array } | { refusal: FileRefusal } {
  let fd: number;
  try {
    // O_NONBLOCK: should a FIFO replace the file after the check, opening it still returns at once.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { refusal: refusal(rel, 'khong-doc-duoc', { reason: systemReason(error) }) };
  }
  try {
    const stat = fstatSync(fd);
    const kind = kindOf(stat);
    if (kind) return { refusal: refusal(rel, 'khong-phai-tep', { kind }) };
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { refusal: refusal(rel, 'tep-qua-lon', { size: length, limit: maxBytes }) };
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return { refusal: refusal(rel, 'khong-doc-duoc', { reason: systemReason(error) }) };
  } finally {
    closeSync(fd);
  }
}

/** One file at `rel` (e.g. the dataset's metadata): absent → { missing }, else its bytes or why not. */
export function readContentFile(root: string, rel: string, maxBytes: number): { bytes: Uint8Array } | { refusal: FileRefusal } | { missing: true } {
  const checked = checkPath(root, rel, 'file', maxBytes);
  if (!('real' in checked)) return checked;
  return readBounded(rel, checked.real, maxBytes);
}

/**
 * The visible names in folder `dir` (from the project root), sorted; none when the folder does not
 * exist; a refusal when it is not a readable folder or leads outside content/.
 */
export function listContentDir(root: string, dir: string): { names: string[]; refusals: FileRefusal[] } {
  const checked = checkPath(root, dir, 'dir');
  if ('missing' in checked) return { names: [], refusals: [] };
  if ('refusal' in checked) return { names: [], refusals: [checked.refusal] };
  try {
    return { names: readdirSync(checked.real).filter((name) => !isHidden(name)).sort(), refusals: [] };
  } catch (error) {
    return { names: [], refusals: [refusal(dir, 'khong-doc-duoc', { reason: systemReason(error), folder: true })] };
  }
}

/** Every visible file of `dir` whose name matches, read within maxBytes; the others refused with the reason. */
export function readContentDir(root: string, dir: string, pattern: RegExp, maxBytes: number): { files: ReadFile[]; refusals: FileRefusal[] } {
  const { names, refusals } = listContentDir(root, dir);
  const files: ReadFile[] = [];
  for (const name of names.filter((n) => pattern.test(n))) {
    const file = `${dir}/${name}`;
    const read = readContentFile(root, file, maxBytes);
    if ('bytes' in read) files.push({ name, file, bytes: read.bytes });
    else if ('refusal' in read) refusals.push(read.refusal);
    // 'missing': removed between listing and reading; nothing to read.
  }
  return { files, refusals };
}
