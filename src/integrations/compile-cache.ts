// Turns on the compiled-MDX cache (src/plugins/compile-cache.ts) for `astro build` only, and at the
// end of a build puts this build's pack in place for the next and says what came from it.
import type { AstroIntegration } from 'astro';
import type { CompileCache } from '../plugins/compile-cache.ts';

export default function compileCache(cache: CompileCache): AstroIntegration {
  return {
    name: 'congdoan-soket:compile-cache',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') cache.enable();
      },
      'astro:build:done': ({ logger }) => {
        const { reused, compiled, written } = cache.finish();
        if (reused + compiled > 0) {
          logger.info(`Bộ đệm biên dịch MDX: ${reused} văn bản lấy lại từ lần dựng trước, ${compiled} biên dịch${written ? '' : ' (không ghi được bộ đệm cho lần sau)'}.`);
        }
      },
    },
  };
}
