// Astro first loads astro.config.mjs with Node's own import() and, when that throws, starts a Vite
// server to load it instead: about 0.5 s more on every build and every `astro dev` start
// (docs/benchmarks.md). One import without its `.ts` extension anywhere in the config's modules
// (src/integrations, src/plugins and the src/lib modules they use) is enough to fall back, silently.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('astro.config.mjs', () => {
  it("loads with Node's own import, the way Astro tries first", () => {
    let output: string;
    try {
      output = execFileSync(process.execPath, ['--input-type=module', '-e', "await import('./astro.config.mjs'); console.log('nạp xong');"], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // The module Node could not find, and the file that imports it without an extension.
      const stderr = String((error as { stderr?: string }).stderr ?? error);
      throw new Error(`Node không nạp được astro.config.mjs: ${/Cannot find module[^\n]*/.exec(stderr)?.[0] ?? /ERR_[A-Z_]+[^\n]*/.exec(stderr)?.[0] ?? stderr.slice(0, 400)}`);
    }
    expect(output.trim().split('\n').at(-1)).toBe('nạp xong');
  });
});
