// `npm run import:form -- <biểu-mẫu.xlsx|biểu-mẫu.csv> [--xem-truoc] [--dong-y-xoa]`: writes a
// unit's filled indicator form into content/so-lieu/. The form is checked with the same rules as
// the committed files, the merged dataset is validated again, the changes are printed indicator by
// indicator, and only then written — all files together or none (src/lib/fs/transaction.ts).
//   --xem-truoc   print what would change, write nothing
//   --dong-y-xoa  allow the import to clear figures the unit blanked out (refused otherwise)
//   --hoan-tat    only finish or undo an import that was interrupted
//   --root <dir>  project root (default: the current directory)
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DATA_DIRS, readDatasetFiles, loadDataset } from '../src/lib/indicators/read.ts';
import { changeCounts, changeTable, formPeriods, formTooLarge, formWrongType, planImport } from '../src/lib/report-kit/import.ts';
import { formatProblem, ProblemsError } from '../src/lib/problems/problem.ts';
import { acquireLock, commitFiles, fsReason, recover } from '../src/lib/fs/transaction.ts';
import { endingOf, fail, parseArgs, run, type CommandSpec } from './cli.ts';

const USAGE = 'Cách dùng: npm run import:form -- <tệp biểu mẫu .xlsx hoặc .csv> [--xem-truoc] [--dong-y-xoa]';

const COMMAND: CommandSpec = { usage: USAGE, flags: ['--xem-truoc', '--dong-y-xoa', '--hoan-tat'], values: { '--root': 'thư mục' }, thing: 'biểu mẫu' };

/** Reads the form, or explains in one line why it cannot be read. Never opens a FIFO or device. */
function readFormFile(path: string): Uint8Array {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' || code === 'ENOTDIR'
      ? `Không tìm thấy tệp biểu mẫu "${path}". Kiểm tra lại đường dẫn (đường dẫn có dấu cách thì đặt trong ngoặc kép).`
      : `Không đọc được tệp biểu mẫu "${path}": ${fsReason(error)}.`);
  }
  if (stat.isDirectory()) fail(`"${path}" là một thư mục, không phải tệp biểu mẫu; hãy chỉ tới tệp .xlsx hoặc .csv bên trong.`);
  if (!stat.isFile()) fail(`"${path}" không phải tệp thông thường (có thể là ống dẫn hay thiết bị); hãy chỉ tới tệp .xlsx hoặc .csv đã lưu.`);
  const wrongType = formWrongType(path);
  if (wrongType) fail(formatProblem(wrongType));
  // Forms are a few hundred KB; anything far larger is not a form and is not read whole.
  const tooLarge = formTooLarge(path, stat.size);
  if (tooLarge) fail(formatProblem(tooLarge));
  try {
    return readFileSync(path);
  } catch (error) {
    fail(`Không đọc được tệp biểu mẫu "${path}": ${fsReason(error)}.`);
  }
}

async function main(): Promise<void> {
  const { values, file: formPath, flags } = parseArgs(process.argv.slice(2), COMMAND);
  const root = values.get('--root') ?? process.cwd();
  if (!formPath && !flags.has('--hoan-tat')) fail(USAGE, 2);
  const formBytes = formPath ? readFormFile(formPath) : undefined;
  const resultsDir = join(root, DATA_DIRS.results);
  try {
    statSync(resultsDir);
  } catch {
    fail(`Không thấy thư mục số liệu ${resultsDir}; chạy lệnh trong thư mục dự án (hoặc cho --root <thư mục dự án>).`);
  }

  const lock = await acquireLock(resultsDir);
  try {
    if (lock.staleNote) console.log(lock.staleNote);
    const recovered = recover(resultsDir);
    if (recovered) console.log(recovered);
    if (!formPath || !formBytes) {
      console.log(recovered ? 'Đã hoàn tất.' : 'Không có lần nhập nào bị ngắt; không có gì phải làm.');
      return;
    }
    const dataset = loadDataset(root);
    const planned = await planImport(formPath, formBytes, readDatasetFiles(root), dataset, DATA_DIRS.results);
    if (!planned.ok) fail(`Không nhập biểu mẫu; content/ không thay đổi.\n${planned.messages.join('\n')}`);
    const unit = dataset.units.find((u) => u.id === planned.form.unitId)!;
    const counts = changeCounts(planned.plan);
    const { unchanged, leftBlank, keptNewer } = planned.plan;
    const lines = [`Biểu mẫu của ${unit.name} (${formPath}):`];
    if (planned.plan.changes.length > 0) lines.push(...changeTable(planned.plan, dataset, formPeriods(dataset)));
    for (const k of keptNewer) lines.push(`  Giữ số liệu mới hơn của trang ở ${k.indicator}, ${k.period} [${k.where}]: ô vẫn là số lúc tải biểu mẫu.`);
    lines.push(`Tổng: thêm ${counts.add}, sửa ${counts.update}, xoá ${counts.delete}; giữ nguyên ${unchanged} dòng; ${leftBlank} ô để trống không đổi gì.`);
    console.log(lines.join('\n'));

    const deletionNote = counts.delete > 0 && !flags.has('--dong-y-xoa')
      ? `biểu mẫu để trống ${counts.delete} ô đang có số liệu, nhập sẽ xoá các số liệu đó:\n` +
        planned.plan.changes.filter((c) => c.action === 'delete').map((c) => `  ${c.indicator}, ${c.period} [${c.where}]`).join('\n') +
        '\nNếu đơn vị thật sự muốn xoá (chuyển thành "chưa báo cáo"), chạy lại với --dong-y-xoa; nếu không, điền lại các ô đó.'
      : undefined;
    if (flags.has('--xem-truoc')) {
      console.log(`Chạy thử (--xem-truoc): chưa ghi gì vào content/.${deletionNote ? `\nLưu ý: ${deletionNote}` : ''}`);
      return;
    }
    if (deletionNote) fail(`Không nhập biểu mẫu; content/ không thay đổi: ${deletionNote}`);
    const changed = planned.files.filter((f) => f.changed);
    if (changed.length === 0) {
      console.log(`${unit.name}: số liệu trong biểu mẫu đã có sẵn, không có gì thay đổi.`);
      return;
    }
    commitFiles(resultsDir, changed.map((f) => ({ name: relative(DATA_DIRS.results, f.path), bytes: f.bytes })));
    console.log(`Đã ghi ${changed.map((f) => f.path).join(', ')}.`);
  } finally {
    lock.release();
  }
}

run(main, (error) => error instanceof ProblemsError
  ? [`Số liệu hiện có đã lỗi, sửa trước khi nhập biểu mẫu:\n${error.message}`, 1]
  : endingOf(error, 'biểu mẫu'));
