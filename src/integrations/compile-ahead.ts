// Turns on the MDX compile worker (src/plugins/compile-ahead.ts) for `astro build` only: the dev
// server compiles a page when it is asked for, and a worker compiling every document would only
// compete with it. Says at the end who compiled the documents.
import type { AstroIntegration } from 'astro';
import type { CompileAhead } from '../plugins/compile-ahead.ts';

export default function compileAhead(ahead: CompileAhead): AstroIntegration {
  return {
    name: 'congdoan-soket:compile-ahead',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') ahead.enable();
      },
      'astro:build:done': ({ logger }) => {
        const { worker, main } = ahead.stop();
        if (worker + main > 0) logger.info(`Biên dịch MDX: ${worker + main} văn bản; luồng riêng ${worker}, luồng chính ${main}.`);
      },
    },
  };
}
