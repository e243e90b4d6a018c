// The check `npm run build` runs before Astro starts: the documents' front matter and MDX bodies
// (src/lib/content-precheck.ts) and the indicator data (as `npm run check:data`). Every problem is
// printed in Vietnamese with file, line and rule; exit code 1 means the build stops here, before
// anything is written, so the last good site in dist/ stays as it was.
import { checkContent } from '../src/lib/content-precheck.ts';
import { checkEdition } from '../src/lib/edition/load.ts';
import { formatFrontMatterProblems } from '../src/lib/frontmatter-check.ts';
import { loadDataset } from '../src/lib/data/read.ts';
import { DataValidationError } from '../src/lib/data/problems.ts';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
let problems: ReturnType<typeof checkContent>;
let editionValid = false;
try {
  // The edition file first: the site's address and names, and the vocabularies the rest is checked against.
  const edition = checkEdition(root);
  editionValid = edition.problems.length === 0;
  problems = [...edition.problems, ...checkContent(root)];
} catch (error) {
  // A file the system will not let us read (permissions, a broken link): its path and the system's
  // error code, never a stack.
  const { code, path } = error as NodeJS.ErrnoException;
  console.error(`Không đọc được nội dung${path ? ` ${path.replace(`${root}/`, '')}` : ''} (mã lỗi hệ thống ${code ?? 'không rõ'}); không xuất bản trang nào.`);
  process.exit(1);
}
let failed = false;
if (problems.length > 0) {
  console.error(`Nội dung không hợp lệ (${problems.length} lỗi), không xuất bản trang nào:\n${formatFrontMatterProblems(problems)}`);
  failed = true;
}
// Without a valid edition the data cannot be checked against its vocabularies; its problems are said above.
if (editionValid) try {
  const dataset = loadDataset(root);
  if (!failed) {
    const seconds = ((performance.now() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    console.log(
      `Kiểm tra trước khi dựng (${seconds} s): nội dung hợp lệ; số liệu hợp lệ: ${dataset.rows.length} dòng, ${dataset.indicators.length} chỉ tiêu, ${dataset.units.length} đơn vị` +
        (dataset.meta.status === 'minh-hoa' ? ' (số liệu minh họa).' : '.'),
    );
  }
} catch (error) {
  if (!(error instanceof DataValidationError)) throw error;
  console.error(error.message);
  failed = true;
}
if (failed) process.exitCode = 1;
