// Every module of src/lib has a test that imports it (the README says so): the imports of every file
// under tests/ are resolved and each src/lib module must be among them.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/** The src/lib modules a test file imports (static imports, dynamic imports and `new URL(…)` of a worker). */
function importedModules(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(process.cwd(), resolve(dirname(file), s)).replace(/\.ts$/, '')).filter((p) => p.startsWith('src/lib/'));
}

describe('tests of src/lib', () => {
  test('every src/lib module is imported by a test', () => {
    const imported = new Set(files('tests', /\.(ts|mjs)$/).flatMap(importedModules));
    const modules = files('src/lib', /\.ts$/).map((f) => f.replace(/\.ts$/, ''));
    expect(modules.length).toBeGreaterThan(80);
    expect(modules.filter((m) => !imported.has(m))).toEqual([]);
  });
});
