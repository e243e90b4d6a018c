// Starts rendering the documents in worker threads as soon as Astro's configuration is resolved, for
// a cold `astro build` of a large site (src/plugins/documents-loader.ts, renderAhead): the main thread
// then spends about a second and a half starting Vite and loading the content config, and the second
// core is free. A build after one that left the documents' HTML under the same fingerprint renders
// only what changed, in the loader (renderAhead starts nothing then); the dev server renders a
// document when it loads it.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderAhead } from '../plugins/documents-loader.ts';
import { documentFiles, siteInputs } from '../plugins/site-inputs.ts';

export interface DocumentsAheadOptions {
  /**
   * From how many documents: a thread's start costs about a quarter of a second of the other core,
   * and the main thread renders a hundred documents in about that time.
   */
  minDocuments: number;
}

export default function documentsAhead(options: DocumentsAheadOptions): AstroIntegration {
  let build = false;
  return {
    name: 'congdoan-soket:documents-ahead',
    hooks: {
      'astro:config:setup': ({ command }) => {
        build = command === 'build';
      },
      'astro:config:done': ({ config, logger }) => {
        if (!build) return;
        const files = documentFiles(fileURLToPath(config.root));
        if (files.length < options.minDocuments) return;
        const threads = renderAhead(config, siteInputs, files);
        if (threads > 0) logger.debug(`${files.length} văn bản dựng trước ở ${threads} luồng riêng.`);
      },
    },
  };
}
