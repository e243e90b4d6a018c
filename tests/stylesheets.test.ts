// Every stylesheet is imported by one module only. A stylesheet that several pages import becomes a
// chunk holding nothing but CSS, which the server build drops; Vite then reads the code of every
// chunk of the build again to mend imports of it (its build-import-analysis plugin), and Rolldown
// copies them back: the three pages that imported src/styles/pace.css cost 0.5 s of a
// 1,000-document `astro build` (six A-B-B-A pairs, docs/benchmarks.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { filesUnder } from './helpers/source-files';

const root = resolve(import.meta.dirname, '..');
const CSS_IMPORT = /^\s*import\s+(?:[^'"]*\s+from\s+)?['"]([^'"]+\.css)(?:\?[^'"]*)?['"]/gm;
const cssImports = (text: string) => [...text.matchAll(CSS_IMPORT)].map((match) => match[1]!);

/** Each stylesheet under src/ with the modules that import it. */
function stylesheetImporters(): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  for (const file of filesUnder(join(root, 'src'), /\.(astro|ts|mjs|js)$/)) {
    for (const specifier of cssImports(readFileSync(file, 'utf8'))) {
      const sheet = relative(root, resolve(dirname(file), specifier));
      importers.set(sheet, [...(importers.get(sheet) ?? []), relative(root, file)]);
    }
  }
  return importers;
}

describe('stylesheets', () => {
  it('are each imported by one module only, so none becomes a chunk of its own', () => {
    const importers = stylesheetImporters();
    expect([...importers.keys()].sort()).toEqual(['src/styles/fonts.css', 'src/styles/global.css']);
    const shared = [...importers].filter(([, modules]) => modules.length > 1);
    expect(shared).toEqual([]);
  });

  it('the scan finds a stylesheet import the way pages write it', () => {
    // The scan itself, on text: a check that found nothing would pass whatever the pages did.
    const text = "---\nimport BaseLayout from '../layouts/BaseLayout.astro';\nimport '../../styles/pace.css';\nimport url from './x.css?url';\n---\n";
    expect(cssImports(text)).toEqual(['../../styles/pace.css', './x.css']);
  });
});
