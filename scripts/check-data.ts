// `npm run check:data`: validates the indicator data model (content/chi-tieu, content/don-vi,
// content/so-lieu) with exactly the rules the build uses, and prints every problem in Vietnamese.
import { loadDataset } from '../src/lib/data/read.ts';
import { DataValidationError } from '../src/lib/data/problems.ts';

const root = process.argv[2] ?? process.cwd();
try {
  const dataset = loadDataset(root);
  const sample = dataset.meta.status === 'minh-hoa' ? ' Trạng thái: số liệu MINH HỌA.' : ' Trạng thái: số liệu chính thức.';
  console.log(
    `Số liệu hợp lệ: ${dataset.rows.length} dòng kết quả, ${dataset.indicators.length} chỉ tiêu, ${dataset.units.length} đơn vị, năm ${dataset.years.join(', ')}.${sample}`,
  );
} catch (error) {
  if (!(error instanceof DataValidationError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
