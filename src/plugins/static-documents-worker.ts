// A rendering thread of documents-loader.ts: the site's Sätteri processor, made here from the same
// inputs as the build's (as compile-ahead-worker.ts makes it), renders each document posted to it,
// reading the file itself when only its path is given. A document that fails here is answered with the
// error's message, which the loader reports as its own.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { satteriProcessor } from './satteri.ts';
import { compiledSource, createDocumentRenderer } from './static-documents.ts';
import type { RenderReply, RenderRequest, RenderWorkerData } from './documents-loader.ts';

const { citations, features, shared } = workerData as RenderWorkerData;
const render = createDocumentRenderer(satteriProcessor(citations, features), shared);

parentPort!.on('message', async ({ id, filePath, contents }: RenderRequest) => {
  let reply: RenderReply;
  try {
    const text = contents ?? readFileSync(filePath, 'utf8');
    reply = { id, contents: text, result: await render(compiledSource(text), filePath) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
