// The MDX files of the document collections, read once before Astro starts: the front-matter
// check and the citation plugins' list of published documents both work from this one reading
// (each read and parsed every file itself, 0.5 s more on 10,000 documents).
// Hidden files are ignored; a folder, FIFO or link out of content/ under an .mdx name, or a file
// over MAX_MDX_BYTES, is kept as a refusal that the check reports (src/lib/content-dir.ts).
import { readContentDir } from './content-dir';
import { NOT_PARSED, readFrontMatter, type FrontMatter } from './frontmatter-check';

export const MDX_COLLECTIONS = ['van-ban', 'chuong-trinh'] as const;
export type MdxCollection = (typeof MDX_COLLECTIONS)[number];

/** The longest document today is 20 KB; an official text a hundred times longer still fits. */
export const MAX_MDX_BYTES = 5 * 1024 * 1024;

export interface ContentFile {
  collection: MdxCollection;
  /** Entry id: the file name without .mdx. */
  id: string;
  /** Path from the project root, as messages name it: "content/van-ban/ke-hoach-so-ket.mdx". */
  file: string;
  /** Only the front matter is kept: the texts of the 10,000-document benchmark take 78 MB of heap. */
  frontMatter: FrontMatter;
  /** Why the file was not read (then frontMatter is empty). */
  refused?: { rule: string; message: string };
}

export function readContentFiles(root: string): ContentFile[] {
  return MDX_COLLECTIONS.flatMap((collection) => {
    const dir = `content/${collection}`;
    const { files, refusals } = readContentDir(root, dir, /\.mdx$/, MAX_MDX_BYTES);
    const read: ContentFile[] = files.map((f) => ({
      collection,
      id: f.name.slice(0, -'.mdx'.length),
      file: f.file,
      // The BOM is kept, as readFileSync(…, 'utf8') kept it: the check reads exactly what Astro reads.
      frontMatter: readFrontMatter(new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.bytes)),
    }));
    const refused: ContentFile[] = refusals.map((r) => ({
      collection,
      id: (r.file.split('/').pop() ?? r.file).replace(/\.mdx$/, ''),
      file: r.file,
      frontMatter: { block: undefined, data: NOT_PARSED },
      refused: { rule: r.rule, message: r.message },
    }));
    return [...read, ...refused].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  });
}
