// Starts making the report kit (charts, drafts, forms) in a worker thread as soon as `astro build`
// has its configuration, so that it runs while Astro syncs the content and Vite compiles the pages,
// when one core is partly idle; the kit's pages take the files it made
// (src/lib/report-kit/prepared-kit.ts). Not under `astro dev`, where each page makes its own, nor
// on a rebuild whose kit inputs did not change since a build that had every file
// (src/lib/prepare/kit-inputs.ts): the pages then read each file from the caches between builds.
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContent } from '../lib/gateway/content.ts';
import { buildCacheDir } from '../lib/fs/cached-file.ts';
import { kitInputsKey, kitUnchanged, recordKit } from '../lib/prepare/kit-inputs.ts';
import { preparedCounts, startPreparedKit } from '../lib/report-kit/prepared-kit.ts';

/** Front matter that was read (not the marker of one that does not parse). */
const isObject = (data: unknown): data is object => typeof data === 'object' && data !== null;

export default function reportKit(): AstroIntegration {
  let stop: (() => void) | undefined;
  /** Where the last complete run's inputs are recorded, and this build's; undefined when the worker was not wanted. */
  let stamp: { dir: string | null; key: string; unchanged: boolean } | undefined;
  return {
    name: 'congdoan-soket:report-kit',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        // Without the trailing slash, as the pages' process.cwd(): the writer's fingerprint hashes
        // paths relative to it.
        const root = resolve(fileURLToPath(config.root));
        // The reading astro.config.mjs made (kept per process): the worker gets the front matter of
        // the outline and of the documents with a schedule (the others add nothing to the
        // timeline) rather than reading every document again.
        const content = readContent(root);
        const outline = content.edition?.review.outline;
        const documents = content.files
          .filter((file) => file.collection === 'van-ban' && isObject(file.frontMatter.data) && (file.id === outline || 'schedule' in file.frontMatter.data))
          .map((file) => ({ id: file.id, data: file.frontMatter.data }));
        const dir = buildCacheDir(root, 'bo-tai-lieu');
        const key = kitInputsKey(root, documents, outline);
        stamp = { dir, key, unchanged: kitUnchanged(dir, key) };
        if (stamp.unchanged) return;
        stop = startPreparedKit(new URL('../lib/prepare/kit-worker.ts', import.meta.url), { root, documents });
      },
      'astro:build:done': ({ logger }) => {
        // Read before stop, which forgets the worker.
        const counts = preparedCounts();
        stop?.();
        if (stamp?.unchanged) {
          logger.info('Bộ tài liệu báo cáo: đầu vào không đổi từ lần dựng trước, không chạy luồng riêng; các trang lấy tệp từ bộ đệm.');
          return;
        }
        if (!counts) return;
        const { taken, claimed, unlisted, failed, workerError } = counts;
        // Every file listed was taken from the worker or made by its page, each through the caches
        // between builds: the next build with these inputs needs no worker.
        if (stamp && unlisted === 0 && failed === 0) recordKit(stamp.dir, stamp.key);
        // What the head start gave. A file missing from the worker's list (its input differed from
        // the page's) or that the worker failed to make is a defect to report; one it had not yet
        // started is only a slow worker.
        logger.info(`Bộ tài liệu báo cáo: ${taken + claimed + unlisted + failed} tệp; luồng riêng làm sẵn ${taken}, trang tự làm ${claimed + unlisted + failed} (luồng riêng chưa tới ${claimed}, không có trong danh sách ${unlisted}, luồng riêng lỗi ${failed}).`);
        // The build is whole either way; a worker that broke is a defect for whoever maintains the
        // code, where a slow one ("chưa tới") is only a busy machine.
        if (workerError !== null) logger.warn(`Bộ tài liệu báo cáo: luồng riêng dừng vì lỗi (${workerError}); các trang đã tự làm mọi tệp nó chưa gửi.`);
      },
    },
  };
}
