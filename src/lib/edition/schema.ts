// The edition file (content/cau-hinh.yaml): what belongs to one organisation and one review, so
// the same code publishes another federation's or sector union's review from its own content/.
// Every field is described here once; the README's table of fields is generated from these
// descriptions (tests/edition.test.ts keeps the two equal).
import { z } from '../zod-vi.ts';

export const editionSchema = z
  .object({
    organisation: z
      .object({
        name: z.string().min(1).describe('Tên đầy đủ của tổ chức công bố trang (cơ quan ban hành): hiện ở đầu mọi trang, khối tiêu đề của tệp Word và Excel, thuộc tính tệp.'),
        parentBody: z.string().min(1).describe('Cơ quan cấp trên, in phía trên tên tổ chức trong khối tiêu đề văn bản.'),
        reportRecipient: z.string().min(1).describe('Nơi các đơn vị gửi báo cáo: dòng đầu "Nơi nhận" của các dự thảo báo cáo.'),
      })
      .strict()
      .describe('Tổ chức công bố.'),
    review: z
      .object({
        title: z.string().min(1).describe('Tên trang: tiêu đề đầy đủ của kỳ sơ kết.'),
        shortTitle: z.string().min(1).describe('Tên ngắn, dùng trong tiêu đề thẻ trình duyệt.'),
        description: z.string().min(1).describe('Mô tả một câu của trang (thẻ mô tả, chia sẻ mạng xã hội).'),
      })
      .strict()
      .describe('Kỳ sơ kết.'),
    site: z
      .object({
        url: z.string().url().describe('Địa chỉ gốc của trang khi đưa lên mạng (liên kết chuẩn, sitemap, thẻ chia sẻ).'),
      })
      .strict()
      .describe('Nơi trang được công bố.'),
  })
  .strict();

export type Edition = z.infer<typeof editionSchema>;

export const EDITION_FILE = 'content/cau-hinh.yaml';

/** One row per field, from the schema's own descriptions: the README's table of the edition file. */
export function editionFieldRows(): { field: string; description: string }[] {
  const rows: { field: string; description: string }[] = [];
  const walk = (schema: z.ZodType, path: string) => {
    const inner = (schema as unknown as { unwrap?: () => z.ZodType }).unwrap?.() ?? schema;
    const shape = (inner as unknown as { shape?: Record<string, z.ZodType> }).shape;
    if (shape && path.split('.').length < 2) {
      for (const [key, child] of Object.entries(shape)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    rows.push({ field: path, description: schema.description ?? inner.description ?? '' });
  };
  walk(editionSchema as unknown as z.ZodType, '');
  return rows;
}
