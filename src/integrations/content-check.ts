// Checks every content file's front matter before Astro builds a page, so a bad field fails the
// build with the file, line, field and rule, and nothing is written.
//
// `npm run build` already ran the full pre-check (scripts/check.ts, as `npm run check`: the
// edition file, front matter, MDX bodies, schedule anchors, explicit links and data) before
// starting Astro and says so with SOKET_PRECHECKED=1; this hook checks front matter and data for
// `astro build` or `astro dev` run on their own (anchors and links are then checked as pages render).
import type { AstroIntegration } from 'astro';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContentFiles, type ContentFile } from '../lib/content/content-files.ts';
import { checkContentFrontMatter as checkFiles } from '../lib/gateway/content-precheck.ts';
import type { FrontMatterProblem } from '../lib/content/frontmatter-check';
import { formatProblems, ProblemsError } from '../lib/problems/problem.ts';
import { checkEdition } from '../lib/edition/load.ts';
import { contentPaths } from '../lib/content/paths.ts';
import { datasetOf, forgetContent, readContent } from '../lib/gateway/content.ts';
import type { Dataset } from '../lib/indicators/dataset';

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

/** The content is read through the gateway (src/lib/gateway/content.ts): astro.config.mjs has already read it in this process. */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'congdoan-soket:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        if (process.env.SOKET_PRECHECKED === '1') return;
        const root = fileURLToPath(new URL('.', config.root));
        const content = readContent(root);
        const problems = content.problems.content;
        if (problems.length > 0) {
          refuse(logger, `Nội dung không hợp lệ (${problems.length} lỗi), không xuất bản trang nào:\n${formatProblems(problems)}`);
        }
        logger.info('Front matter của mọi văn bản và chương trình hợp lệ.');
        // The refusal lists every bad cell: the build stops before any page.
        let dataset: Dataset;
        try {
          dataset = datasetOf(content);
        } catch (error) {
          if (error instanceof ProblemsError) refuse(logger, error.message);
          throw error;
        }
        logger.info(
          `Số liệu hợp lệ: ${dataset.rows.length} dòng, ${dataset.indicators.length} chỉ tiêu, ${dataset.units.length} đơn vị` +
            (dataset.meta.status === 'minh-hoa' ? ' (số liệu minh họa).' : '.'),
        );
      },
      // `astro dev`: an edited content file is read afresh by the next page rendered.
      'astro:server:setup': ({ server }) => {
        const dir = join(server.config.root, contentPaths.root) + sep;
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(dir)) forgetContent();
        });
      },
    },
  };
}
