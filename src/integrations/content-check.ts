// Checks every content file's front matter before Astro starts, so a bad field fails the build
// with the file, line, field and rule, and nothing is written to dist/.
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZodType } from 'zod';
import { documentSchema, programmeSchema } from '../lib/content-schemas';
import { checkFrontMatter, formatFrontMatterProblems, type FrontMatterProblem } from '../lib/frontmatter-check';
import { loadDataset } from '../lib/data/read';

const collections: { dir: string; schema: ZodType }[] = [
  { dir: 'content/van-ban', schema: documentSchema },
  { dir: 'content/chuong-trinh', schema: programmeSchema },
];

export function checkContentFrontMatter(root: string): FrontMatterProblem[] {
  return collections.flatMap(({ dir, schema }) =>
    readdirSync(join(root, dir))
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .flatMap((name) => checkFrontMatter(`${dir}/${name}`, readFileSync(join(root, dir, name), 'utf8'), schema)),
  );
}

export default function contentCheck(): AstroIntegration {
  return {
    name: 'congdoan-soket:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = new URL('.', config.root).pathname;
        const problems = checkContentFrontMatter(root);
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
