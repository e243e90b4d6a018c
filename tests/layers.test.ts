// The layers of src/ (.dependency-cruiser.cjs), enforced by dependency-cruiser itself: no folder of
// src/lib imports its own layer or one above, no module imports itself through others, src/lib
// imports neither Astro nor pages; and the README's picture of the layers is the one the
// configuration and the code draw today (`npm run layers -- --write` renews it).
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, layers, layersPicture, README_BEGIN, README_END } from '../scripts/layers';

describe('layers', () => {
  const result = cruise();

  test('dependency-cruiser finds no import climbing up a layer and no circle', () => {
    expect(result.summary.totalCruised).toBeGreaterThan(150);
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
    expect(result.summary.error).toBe(0);
  });

  test('every folder of src/lib has a layer, and the rules name each', () => {
    const folders = new Set(result.modules.map((m) => /^src\/lib\/([^/]+)\//.exec(m.source)?.[1]).filter((f): f is string => !!f));
    const layered = layers().flatMap((l) => l.folders);
    expect([...folders].sort()).toEqual([...layered].sort());
  });

  test('the same configuration refuses an import that climbs, and a circle', () => {
    // A throw-away tree with the project's configuration: site/ (layer 5) importing views/ (layer 10), which imports it back.
    const dir = mkdtempSync(join(tmpdir(), 'soket-layers-'));
    try {
      copyFileSync('.dependency-cruiser.cjs', join(dir, '.dependency-cruiser.cjs'));
      // The project's tsconfig extends Astro's, which the throw-away tree has no node_modules for.
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler' } }));
      mkdirSync(join(dir, 'src/lib/site'), { recursive: true });
      mkdirSync(join(dir, 'src/lib/views'), { recursive: true });
      writeFileSync(join(dir, 'src/lib/site/a.ts'), "import { b } from '../views/b.ts';\nexport const a = () => b;\n");
      writeFileSync(join(dir, 'src/lib/views/b.ts'), "import { a } from '../site/a.ts';\nexport const b = () => a;\n");
      const bin = join(process.cwd(), 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
      const run = spawnSync(process.execPath, [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
      const out = run.stdout + run.stderr;
      expect(run.status).not.toBe(0);
      expect(out).toContain('lop-site: src/lib/site/a.ts → src/lib/views/b.ts');
      expect(out).toMatch(/khong-vong: src\/lib\/(site\/a|views\/b)\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the README\'s picture of the layers is current', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = readme.slice(readme.indexOf(README_BEGIN) + README_BEGIN.length, readme.indexOf(README_END)).trim();
    expect(block).toBe(layersPicture());
  });
});
