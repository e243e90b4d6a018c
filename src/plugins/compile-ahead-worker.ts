// The compile worker of compile-ahead.ts: the site's Sätteri processor, made here from the same
// inputs as the build's, compiles each document the main thread posts, in the order posted, unless
// the main thread has already taken it (its slot). A document that fails here is answered as failed:
// the main thread compiles it and reports the error as the build always has.
import { parentPort, workerData } from 'node:worker_threads';
import { satteriProcessor } from './satteri.ts';
import { SLOT, type CompileReply, type CompileRequest, type CompileWorkerData } from './compile-ahead.ts';

const { citations, features, shared, mdx, slots: buffer } = workerData as CompileWorkerData;
const slots = new Int32Array(buffer);
const renderer = await satteriProcessor(citations, features).createMdxRenderer!(shared, { ...mdx, srcDir: mdx.srcDir === undefined ? undefined : new URL(mdx.srcDir) });

parentPort!.on('message', async ({ slot, content, filePath, frontmatter }: CompileRequest) => {
  if (Atomics.compareExchange(slots, slot, SLOT.free, SLOT.worker) !== SLOT.free) return;
  let reply: CompileReply;
  try {
    reply = { slot, compiled: await renderer.process(content, filePath, frontmatter) };
  } catch {
    reply = { slot, failed: true };
  }
  try {
    parentPort!.postMessage(reply);
  } catch {
    // A result that cannot be posted back: the main thread compiles this one.
    parentPort!.postMessage({ slot, failed: true } satisfies CompileReply);
  }
});
