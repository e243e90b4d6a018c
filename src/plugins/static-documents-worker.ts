// A rendering thread of documents-loader.ts: the site's Sätteri processor, made here from the same
// inputs as the build's (as compile-ahead-worker.ts makes it), renders each document posted to it,
// in the order posted, reading the file itself, unless the main thread has taken it first (its slot).
// A document that fails here is answered with the error's message, which the loader reports as its own.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { satteriProcessor } from './satteri.ts';
import { compiledSource, createDocumentRenderer, SLOT, type RenderReply, type RenderRequest, type RenderWorkerData } from './static-documents.ts';

const { citations, features, shared, slots: buffer } = workerData as RenderWorkerData;
const slots = new Int32Array(buffer);
const render = createDocumentRenderer(satteriProcessor(citations, features), shared);

// One document at a time, in the order posted: a slot is taken only when its rendering starts, so the
// main thread can still take every document this thread has not reached (the renderer awaits, and
// handling each message as it arrives would take every slot at once).
const queue: RenderRequest[] = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  for (let request = queue.shift(); request; request = queue.shift()) {
    const { id, filePath, slot } = request;
    if (Atomics.compareExchange(slots, slot, SLOT.free, SLOT.worker) !== SLOT.free) {
      parentPort!.postMessage({ id, taken: true } satisfies RenderReply);
      continue;
    }
    let reply: RenderReply;
    try {
      const text = readFileSync(filePath, 'utf8');
      reply = { id, contents: text, result: await render(compiledSource(text), filePath) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
  }
  running = false;
}

parentPort!.on('message', (request: RenderRequest) => {
  queue.push(request);
  if (!running) void drain();
});
