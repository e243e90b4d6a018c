// `npm run import:form -- <biểu-mẫu.xlsx|biểu-mẫu.csv>`: writes a unit's filled indicator form
// into content/so-lieu/. The form is checked with the same rules as the committed files, and the
// merged dataset is validated again; on any error nothing is written.
//   --root <dir>   project root (default: the current directory)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDatasetFiles, loadDataset } from '../src/lib/data/read.ts';
import { DataValidationError } from '../src/lib/data/problems.ts';
import { planImport } from '../src/lib/report-kit/import.ts';

const args = process.argv.slice(2);
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? (args[rootFlag + 1] as string) : process.cwd();
const formPath = args.filter((_, i) => i !== rootFlag && i !== rootFlag + 1)[0];
if (!formPath) {
  console.error('Cách dùng: npm run import:form -- <tệp biểu mẫu .xlsx hoặc .csv>');
  process.exit(2);
}

try {
  const dataset = loadDataset(root);
  const plan = await planImport(formPath, readFileSync(formPath), readDatasetFiles(root), dataset);
  if (!plan.ok) {
    console.error(`Không nhập biểu mẫu; content/ không thay đổi.\n${plan.messages.join('\n')}`);
    process.exit(1);
  }
  const unit = dataset.units.find((u) => u.id === plan.form.unitId)!;
  const changed = plan.merge.files.filter((f) => f.changed);
  for (const file of changed) writeFileSync(join(root, file.path), file.text);
  const { added, updated, removed, unchanged } = plan.merge;
  console.log(
    changed.length === 0
      ? `${unit.name}: số liệu trong biểu mẫu đã có sẵn, không có gì thay đổi (${unchanged} dòng giữ nguyên).`
      : `${unit.name}: thêm ${added}, sửa ${updated}, xoá ${removed}, giữ nguyên ${unchanged} dòng; đã ghi ${changed.map((f) => f.path).join(', ')}.`,
  );
} catch (error) {
  if (!(error instanceof DataValidationError)) throw error;
  console.error(`Số liệu hiện có đã lỗi, sửa trước khi nhập biểu mẫu:\n${error.message}`);
  process.exit(1);
}
