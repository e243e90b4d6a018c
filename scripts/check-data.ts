// `npm run check:data`: validates the indicator data model (content/chi-tieu, content/don-vi,
// content/so-lieu) with exactly the rules the build uses, and prints every problem in Vietnamese.
// Whatever goes wrong, the reader gets Vietnamese lines and exit code 1, never a stack trace.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemReason } from '../src/lib/content/content-dir.ts';
import { loadDataset } from '../src/lib/indicators/read.ts';
import { ProblemsError } from '../src/lib/problems/problem.ts';

const root = process.argv[2] ?? process.cwd();

function rootProblem(): string | null {
  try {
    return statSync(root).isDirectory() ? null : `"${resolve(root)}" không phải là thư mục`;
  } catch (error) {
    return `không mở được thư mục dự án "${resolve(root)}": ${systemReason(error)}`;
  }
}

const problem = rootProblem();
if (problem) {
  console.error(`Không kiểm tra được số liệu: ${problem}.`);
  process.exitCode = 1;
} else {
  try {
    const dataset = loadDataset(root);
    const sample = dataset.meta.status === 'minh-hoa' ? ' Trạng thái: số liệu MINH HỌA.' : ' Trạng thái: số liệu chính thức.';
    console.log(
      `Số liệu hợp lệ: ${dataset.rows.length} dòng kết quả, ${dataset.indicators.length} chỉ tiêu, ${dataset.units.length} đơn vị, năm ${dataset.years.join(', ')}.${sample}`,
    );
  } catch (error) {
    if (error instanceof ProblemsError) console.error(error.message);
    // Not a data problem but a fault (a disk error, a bug): said in one line, without a stack.
    else {
      const code = (error as { code?: string } | null)?.code;
      const what = code ? systemReason(error) : (error as { name?: string } | null)?.name ?? 'lỗi';
      console.error(`Không kiểm tra được số liệu: lỗi không lường trước (${what}); hãy báo cho người quản trị trang.`);
    }
    process.exitCode = 1;
  }
}
