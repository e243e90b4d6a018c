// Pages, components and endpoints render view models (src/lib/views/ and the other src/lib modules)
// and compute nothing: no filtering, sorting, reducing or loop in an .astro file's frontmatter or in
// an endpoint, outside getStaticPaths (which lists the routes, not what a page says).
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const COMPUTING = /\.(filter|sort|toSorted|reduce|reduceRight)\(|\bfor\s*\(|\bwhile\s*\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The code a file runs to render: an .astro file's frontmatter, an endpoint's module; getStaticPaths left out. */
export function renderingCode(path: string, text: string): string {
  const code = path.endsWith('.astro') ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') : text;
  const start = code.search(/export (async )?function getStaticPaths\(/);
  if (start < 0) return code;
  // The function's body, to its closing brace at the start of a line.
  const end = code.indexOf('\n}', start);
  return code.slice(0, start) + (end < 0 ? '' : code.slice(end + 2));
}

describe('pages and endpoints only render', () => {
  test('no filter, sort, reduce or loop where a page or an endpoint renders', () => {
    const sources = [...files('src/pages'), ...files('src/components'), ...files('src/layouts')].filter((f) => /\.(astro|ts)$/.test(f));
    expect(sources.length).toBeGreaterThan(50);
    const computing = sources.flatMap((file) =>
      renderingCode(file, readFileSync(file, 'utf8'))
        .split('\n')
        .filter((line) => COMPUTING.test(line) && !/^\s*(\/\/|\*)/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(computing).toEqual([]);
  });

  test('the scan sees a computation in a frontmatter, and not in getStaticPaths', () => {
    const page = "---\nexport async function getStaticPaths() {\n  return xs.filter((x) => x.ok);\n}\nconst ys = xs.filter((x) => x.ok);\n---\n<p>{ys.length}</p>\n";
    expect(renderingCode('a.astro', page)).toBe('\nconst ys = xs.filter((x) => x.ok);');
    expect(COMPUTING.test(renderingCode('a.astro', page))).toBe(true);
  });
});
