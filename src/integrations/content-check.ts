// Checks every content file's front matter before Astro builds a page, so a bad field fails the
// build with the file, line, field and rule, and nothing is written.
//
// `npm run build` already ran the full pre-check (scripts/check.ts, as `npm run check`: the
// edition file, front matter, MDX bodies, schedule anchors, explicit links and data) before
// starting Astro and says so with SOKET_PRECHECKED=1; this hook checks front matter and data for
// `astro build` or `astro dev` run on their own (anchors and links are then checked as pages render).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readContentFiles, type ContentFile } from '../lib/content/content-files';
import { checkContentFrontMatter as checkFiles } from '../lib/content/content-precheck';
import type { FrontMatterProblem } from '../lib/content/frontmatter-check';
import { formatProblems } from '../lib/problems/problem';
import { loadDataset } from '../lib/indicators/read';
import type { Dataset } from '../lib/indicators/dataset';
import { DataValidationError } from '../lib/indicators/problems';
import { checkEdition } from '../lib/edition/load';

export function checkContentFrontMatter(root: string, files: ContentFile[] = readContentFiles(root)): FrontMatterProblem[] {
  return checkFiles(files, checkEdition(root).edition?.vocabularies ?? null);
}

/**
 * Stops the build with the message alone: an error thrown from a hook is printed by Astro with
 * its stack, which tells an editor nothing. Nothing has been written yet at this point.
 */
function refuse(logger: { error: (message: string) => void }, message: string): never {
  logger.error(message);
  process.exit(1);
}

/** `files`: the content files astro.config.mjs already read (src/lib/content/content-files.ts); read again when absent. */
export default function contentCheck(files?: ContentFile[]): AstroIntegration {
  return {
    name: 'congdoan-soket:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        if (process.env.SOKET_PRECHECKED === '1') return;
        const root = fileURLToPath(new URL('.', config.root));
        const problems = checkContentFrontMatter(root, files);
        if (problems.length > 0) {
          refuse(logger, `Nội dung không hợp lệ (${problems.length} lỗi), không xuất bản trang nào:\n${formatProblems(problems)}`);
        }
        logger.info('Front matter của mọi văn bản và chương trình hợp lệ.');
        // A DataValidationError lists every bad cell: the build stops before any page.
        let dataset: Dataset;
        try {
          dataset = loadDataset(root);
        } catch (error) {
          if (error instanceof DataValidationError) refuse(logger, error.message);
          throw error;
        }
        logger.info(
          `Số liệu hợp lệ: ${dataset.rows.length} dòng, ${dataset.indicators.length} chỉ tiêu, ${dataset.units.length} đơn vị` +
            (dataset.meta.status === 'minh-hoa' ? ' (số liệu minh họa).' : '.'),
        );
      },
    },
  };
}
