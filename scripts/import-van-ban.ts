// `npm run import:van-ban -- <văn-bản.docx> [--ma <mã>] [--ghi-de] [--chap-nhan-sua-doi]`: publishes
// a new document from its Word file: content/van-ban/<mã>.mdx and its source text
// content/nguon/<mã>.txt, both or neither (src/lib/fs/transaction.ts, under the form import's
// lock, which the build waits for). The reading and composing is src/lib/word-in/; this file only
// reads the file, takes the lock, writes, and prints.
//   --ma <mã>             the document's code (file name, address) instead of one made from the title
//   --ghi-de              replace a document of that code (refused otherwise)
//   --chap-nhan-sua-doi   import a file with tracked changes as if every change were accepted
//   --xem-truoc           print what would be written (and the MDX), write nothing
//   --root <dir>          project root (default: the current directory)
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock, commitFiles, fsReason, recover } from '../src/lib/fs/transaction.ts';
import { DATA_DIRS } from '../src/lib/indicators/read.ts';
import { formatProblem, formatProblems } from '../src/lib/problems/problem.ts';
import { problem } from '../src/lib/problems/messages.ts';
import { importDocx } from '../src/lib/word-in/import.ts';
import { WORD_LIMITS, WordRefusal } from '../src/lib/word-in/open.ts';
import { endingOf, fail, parseArgs, run, type CommandSpec } from './cli.ts';

const USAGE = 'Cách dùng: npm run import:van-ban -- <tệp .docx> [--ma <mã>] [--ghi-de] [--chap-nhan-sua-doi] [--xem-truoc]';
const DOCS = 'content/van-ban';
const SOURCES = 'content/nguon';

const COMMAND: CommandSpec = { usage: USAGE, flags: ['--ghi-de', '--chap-nhan-sua-doi', '--xem-truoc'], values: { '--root': 'giá trị', '--ma': 'giá trị' }, thing: 'văn bản' };

/** The document's code, if given, is a file name and an address: refused otherwise. */
function slugOf(slug: string | undefined): string | undefined {
  if (slug !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    fail(`Mã "${slug}" không dùng được: mã là tên tệp và địa chỉ trang, chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ ke-hoach-nam-2026).`, 2);
  }
  return slug;
}

/** The file's bytes, or one line saying why it cannot be read. Never opens a FIFO or a device. */
function readWordFile(path: string): Uint8Array {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' || code === 'ENOTDIR'
      ? `${path}: không tìm thấy tệp; kiểm tra lại đường dẫn (đường dẫn có dấu cách thì đặt trong ngoặc kép).`
      : `${path}: không đọc được tệp: ${fsReason(error)}.`);
  }
  if (stat.isDirectory()) fail(`${path}: là một thư mục; hãy chỉ tới tệp .docx bên trong.`);
  if (!stat.isFile()) fail(`${path}: không phải tệp thường (ống dẫn hay thiết bị); hãy chỉ tới tệp .docx đã lưu.`);
  if (stat.size > WORD_LIMITS.fileBytes) {
    fail(formatProblem(problem('tep-qua-lon', { size: stat.size, limit: WORD_LIMITS.fileBytes, of: 'word' }, { file: path, fix: 'hãy bỏ ảnh, tệp nhúng rồi lưu lại' })));
  }
  try {
    return readFileSync(path);
  } catch (error) {
    fail(`${path}: không đọc được tệp: ${fsReason(error)}.`);
  }
}

/** The highest `order` among the committed documents, read from their front matter's line. */
function lastOrder(root: string): number {
  let max = 0;
  for (const name of readdirSync(join(root, DOCS))) {
    if (!name.endsWith('.mdx') || name.startsWith('.')) continue;
    const m = /^order:\s*(-?\d+)\s*$/m.exec(readFileSync(join(root, DOCS, name), 'utf8').split(/\n---\s*\n/)[0] ?? '');
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

async function main(): Promise<void> {
  const { values, file, flags } = parseArgs(process.argv.slice(2), COMMAND);
  const root = values.get('--root') ?? process.cwd();
  const slug = slugOf(values.get('--ma'));
  if (!file) fail(USAGE, 2);
  for (const dir of [DOCS, SOURCES, DATA_DIRS.results]) {
    if (!existsSync(join(root, dir))) fail(`Không thấy thư mục ${join(root, dir)}; chạy lệnh trong thư mục dự án (hoặc cho --root <thư mục dự án>).`);
  }
  const bytes = readWordFile(file);
  let doc;
  try {
    doc = await importDocx(bytes, { file, ...(slug ? { slug } : {}), acceptChanges: flags.has('--chap-nhan-sua-doi'), lastOrder: lastOrder(root) });
  } catch (error) {
    if (error instanceof WordRefusal) fail(`Không nhập văn bản; content/ không thay đổi.\n${formatProblem({ file, rule: error.rule, message: error.message })}`);
    throw error;
  }
  const target = join(DOCS, `${doc.slug}.mdx`);
  if (flags.has('--xem-truoc')) {
    console.log([
      `Chạy thử (--xem-truoc): sẽ ghi ${target} và ${SOURCES}/${doc.slug}.txt từ ${file}${existsSync(join(root, target)) ? ` (đã có văn bản này: cần --ghi-de)` : ''}; chưa ghi gì vào content/.`,
      ...doc.report,
      `Đối chiếu nguyên văn: ${doc.fidelity.problems.length === 0 ? `cả ${doc.fidelity.sentences} câu có trong nội dung văn bản.` : `${doc.fidelity.problems.length} chỗ lệch:\n${formatProblems(doc.fidelity.problems)}`}`,
      `——— ${target} ———`,
      doc.mdx.trimEnd(),
    ].join('\n'));
    return;
  }
  if (!flags.has('--ghi-de') && existsSync(join(root, target))) {
    fail(`Không nhập văn bản; content/ không thay đổi.\n${formatProblem(problem('van-ban-da-co', { target, slug: doc.slug }, { file, fix: 'chạy lại với --ghi-de để thay văn bản đó, hoặc với --ma <mã khác> để đăng thành văn bản mới' }))}`);
  }

  // The same lock as the form import (content/so-lieu/), which every build waits for: no build
  // reads content/ while a document is being written, and two imports run one after the other.
  const lock = await acquireLock(join(root, DATA_DIRS.results), 30_000, { onWait: (m) => console.log(m) });
  try {
    if (lock.staleNote) console.log(lock.staleNote);
    for (const dir of [DOCS, SOURCES]) {
      const recovered = recover(join(root, dir));
      if (recovered) console.log(recovered);
    }
    // Two files in two folders: the source text first. A crash between them leaves a source text
    // no document names (harmless, replaced by the next import); never a document without its source.
    const sourcePath = join(root, SOURCES, `${doc.slug}.txt`);
    const oldSource = existsSync(sourcePath) ? readFileSync(sourcePath) : null;
    commitFiles(join(root, SOURCES), [{ name: `${doc.slug}.txt`, bytes: new TextEncoder().encode(doc.sourceText) }]);
    try {
      commitFiles(join(root, DOCS), [{ name: `${doc.slug}.mdx`, bytes: new TextEncoder().encode(doc.mdx) }]);
    } catch (error) {
      // The document was not written: put its source text back as it was.
      try {
        if (oldSource) commitFiles(join(root, SOURCES), [{ name: `${doc.slug}.txt`, bytes: oldSource }]);
        else unlinkSync(sourcePath);
      } catch {
        // the disk refuses even that; the orphan source text names no document and is harmless
      }
      throw error;
    }
  } finally {
    lock.release();
  }
  const lines = [
    `Đã ghi ${target} và ${SOURCES}/${doc.slug}.txt từ ${file}${flags.has('--ghi-de') ? ' (ghi đè)' : ''}:`,
    ...doc.report,
    doc.fidelity.problems.length === 0
      ? `Đối chiếu nguyên văn: cả ${doc.fidelity.sentences} câu của tệp Word có trong nội dung văn bản, đúng thứ tự, không thừa chữ.`
      : `Đối chiếu nguyên văn: ${doc.fidelity.problems.length} chỗ lệch trên ${doc.fidelity.sentences} câu:\n${formatProblems(doc.fidelity.problems)}`,
    `Trang: /van-ban/${doc.slug}/ (sau npm run build). Kiểm tra: npm run check.`,
  ];
  console.log(lines.join('\n'));
}

run(main, (error) => endingOf(error, 'văn bản'));
