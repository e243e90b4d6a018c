// The MDX files of the document collections, read once before Astro starts: the front-matter
// check and the citation plugins' list of published documents both work from this one reading
// (each read and parsed every file itself, 0.5 s more on 10,000 documents).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontMatter, type FrontMatter } from './frontmatter-check';

export const MDX_COLLECTIONS = ['van-ban', 'chuong-trinh'] as const;
export type MdxCollection = (typeof MDX_COLLECTIONS)[number];

export interface ContentFile {
  collection: MdxCollection;
  /** Entry id: the file name without .mdx. */
  id: string;
  /** Path from the project root, as messages name it: "content/van-ban/ke-hoach-so-ket.mdx". */
  file: string;
  /** Only the front matter is kept: the texts of the 10,000-document benchmark take 78 MB of heap. */
  frontMatter: FrontMatter;
}

export function readContentFiles(root: string): ContentFile[] {
  return MDX_COLLECTIONS.flatMap((collection) => {
    const dir = join(root, 'content', collection);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .map((name) => {
        const frontMatter = readFrontMatter(readFileSync(join(dir, name), 'utf8'));
        return { collection, id: name.slice(0, -'.mdx'.length), file: `content/${collection}/${name}`, frontMatter };
      });
  });
}
