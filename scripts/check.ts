// `npm run check`: every rule the build applies before it writes a page — the edition file,
// the documents' front matter and MDX bodies, schedule anchors, explicit links to document pages,
// and the indicator data — without building. `npm run build` runs this first and stops on exit 1,
// before anything is written. Every problem is one Vietnamese line (src/lib/problems/problem.ts):
// file, line, field or column, rule; never a stack trace.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemReason } from '../src/lib/content/content-dir.ts';
import { allProblems, readContent } from '../src/lib/gateway/content.ts';
import type { Dataset } from '../src/lib/indicators/dataset.ts';
import { formatProblems, type Problem } from '../src/lib/problems/problem.ts';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();

/** A fault that is not a problem in the content (a disk error, a bug), said in one line. */
function fault(error: unknown): never {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const what = code ? `${path ? `${path.replace(`${resolve(root)}/`, '')}: ` : ''}${systemReason(error)}` : ((error as { name?: string } | null)?.name ?? 'lỗi');
  console.error(`Không kiểm tra được nội dung: lỗi không lường trước (${what}); hãy báo cho người quản trị trang.`);
  process.exit(1);
}

try {
  if (!statSync(root).isDirectory()) {
    console.error(`Không kiểm tra được nội dung: "${resolve(root)}" không phải là thư mục.`);
    process.exit(1);
  }
} catch (error) {
  console.error(`Không kiểm tra được nội dung: không mở được thư mục dự án "${resolve(root)}": ${systemReason(error)}.`);
  process.exit(1);
}

let problems: Problem[] = [];
let dataset: Dataset | null = null;
let dataSkipped = false;
let fidelityLines: string[] = [];
try {
  // The edition file first: the site's names and address, and the vocabularies the rest is
  // checked against. Without a valid one the data cannot be checked; its problems are said once.
  const content = readContent(root, { bodies: true });
  problems = allProblems(content);
  // Documents imported from Word, each against its own source text (content/nguon/<mã>.txt).
  fidelityLines = content.importedFidelity;
  dataset = content.dataset;
  dataSkipped = !content.edition;
} catch (error) {
  fault(error);
}

const seconds = ((performance.now() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
if (problems.length > 0) {
  const unchecked = dataSkipped ? '\nSố liệu chưa được kiểm tra: các danh mục để đối chiếu nằm trong tệp ấn bản, hãy sửa tệp ấn bản trước.' : '';
  console.error(`Kiểm tra nội dung và số liệu (${seconds} s): ${problems.length} lỗi.\n${formatProblems(problems)}${unchecked}`);
  process.exitCode = 1;
} else if (dataset) {
  if (fidelityLines.length > 0) console.log(`Đối chiếu nguyên văn các văn bản nhập từ Word:\n${fidelityLines.map((l) => `  ${l}`).join('\n')}`);
  console.log(
    `Kiểm tra nội dung và số liệu (${seconds} s): tệp ấn bản, văn bản, mốc lịch, liên kết và số liệu hợp lệ; ${dataset.rows.length} dòng số liệu, ${dataset.indicators.length} chỉ tiêu, ${dataset.units.length} đơn vị` +
      (dataset.meta.status === 'minh-hoa' ? ' (số liệu minh họa).' : '.'),
  );
}
