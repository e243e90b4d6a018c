// Checks every content file's front matter before Astro starts, so a bad field fails the build
// with the file, line, field and rule, and nothing is written to dist/.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { ZodType } from 'zod';
import { documentSchema, programmeSchema } from '../lib/content-schemas';
import { readContentFiles, type ContentFile, type MdxCollection } from '../lib/content-files';
import { checkReadFrontMatter, formatFrontMatterProblems, type FrontMatterProblem } from '../lib/frontmatter-check';
import { loadDataset } from '../lib/data/read';

const schemas: Record<MdxCollection, ZodType> = { 'van-ban': documentSchema, 'chuong-trinh': programmeSchema };

export function checkContentFrontMatter(root: string, files: ContentFile[] = readContentFiles(root)): FrontMatterProblem[] {
  return files.flatMap((f) => checkReadFrontMatter(f.file, f.frontMatter, schemas[f.collection]));
}

/** `files`: the content files astro.config.mjs already read (src/lib/content-files.ts); read again when absent. */
export default function contentCheck(files?: ContentFile[]): AstroIntegration {
  return {
    name: 'congdoan-soket:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(new URL('.', config.root));
        const problems = checkContentFrontMatter(root, files);
        if (problems.length > 0) {
          throw new Error(
            `Nội dung không hợp lệ (${problems.length} lỗi), không xuất bản trang nào:\n${formatFrontMatterProblems(problems)}`,
          );
        }
        logger.info('Front matter của mọi văn bản và chương trình hợp lệ.');
        // Throws DataValidationError listing every bad cell: the build stops before any page.
        const dataset = loadDataset(root);
        logger.info(
          `Số liệu hợp lệ: ${dataset.rows.length} dòng, ${dataset.indicators.length} chỉ tiêu, ${dataset.units.length} đơn vị` +
            (dataset.meta.status === 'minh-hoa' ? ' (số liệu minh họa).' : '.'),
        );
      },
    },
  };
}
