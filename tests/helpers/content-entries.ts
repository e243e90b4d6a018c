// The documents and programmes of content/ as Astro's collections give them to the pages (id from
// the file name, the file's path, its MDX body, the front matter validated by the same schema),
// for the tests of the page models, which run without a build.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { documentSchemaFor, programmeSchemaFor } from '../../src/lib/documents/content-schemas';
import { loadEdition } from '../../src/lib/edition/load';

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n?/;

function entries<T>(folder: string, parse: (data: unknown) => T) {
  return readdirSync(folder).filter((f) => f.endsWith('.mdx')).sort().map((f) => {
    const filePath = join(folder, f);
    const text = readFileSync(filePath, 'utf8');
    const match = FRONT_MATTER.exec(text)!;
    return { id: f.replace(/\.mdx$/, ''), filePath, body: text.slice(match[0].length), data: parse(yaml.load(match[1]!)) };
  });
}

export function documentEntries() {
  const schema = documentSchemaFor(loadEdition().vocabularies);
  return entries('content/van-ban', (data) => schema.parse(data));
}

export function programmeEntries() {
  const schema = programmeSchemaFor(loadEdition().vocabularies);
  return entries('content/chuong-trinh', (data) => schema.parse(data));
}
