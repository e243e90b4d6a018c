// The MDX files of the document collections, read once before Astro starts: the front-matter
// check and the citation plugins' list of published documents both work from this one reading
// (each read and parsed every file itself, 0.5 s more on 10,000 documents).
// Hidden files are ignored; a folder, FIFO or link out of content/ under an .mdx name, or a file
// over MAX_MDX_BYTES, is kept as a refusal that the check reports (src/lib/content/content-dir.ts).
import { listContentDir, readContentFile } from './content-dir.ts';
import { mdxCollectionDir } from './paths.ts';
import type { RuleId } from '../problems/rules.ts';
import { NOT_PARSED, readFrontMatter, type FrontMatter, type FrontMatterProblem } from './frontmatter-check.ts';

export const MDX_COLLECTIONS = ['van-ban', 'chuong-trinh', 'thong-bao'] as const;
export type MdxCollection = (typeof MDX_COLLECTIONS)[number];

/** 100 times the largest document (20 KB); a larger file is a slip (a pasted dump), and a full MDX parse of it would take seconds. */
export const MAX_MDX_BYTES = 2 * 1024 * 1024;

export interface ContentFile {
  collection: MdxCollection;
  /** Entry id: the file name without .mdx. */
  id: string;
  /** Path from the project root, as messages name it: "content/van-ban/ke-hoach-so-ket.mdx". */
  file: string;
  /** Only the front matter is kept: the texts of the 10,000-document benchmark take 78 MB of heap. */
  frontMatter: FrontMatter;
  /** Problems with the file itself (not a regular file, too large, unreadable), reported with the front-matter check. */
  fileProblems?: FrontMatterProblem[];
}

export interface ReadOptions {
  /** Called with each file's whole text while it is in hand (the MDX body check), so no text is kept. */
  onText?: (file: ContentFile, text: string) => void;
}

export function readContentFiles(root: string, options: ReadOptions = {}): ContentFile[] {
  return MDX_COLLECTIONS.flatMap((collection) => {
    const dir = mdxCollectionDir(collection);
    const { names, refusals } = listContentDir(root, dir);
    const refused = (file: string, rule: RuleId, message: string): ContentFile => ({
      collection,
      id: (file.split('/').pop() ?? file).replace(/\.mdx$/, ''),
      file,
      frontMatter: { block: undefined, data: NOT_PARSED },
      fileProblems: [{ file, line: 1, field: '(tệp)', rule, message }],
    });
    const out: ContentFile[] = refusals.map((r) => refused(r.file, r.rule, r.message));
    // One file in hand at a time: its text goes to onText and only its front matter is kept.
    for (const name of names.filter((n) => n.endsWith('.mdx'))) {
      const file = `${dir}/${name}`;
      const read = readContentFile(root, file, MAX_MDX_BYTES);
      if ('refusal' in read) {
        out.push(refused(read.refusal.file, read.refusal.rule, read.refusal.message));
        continue;
      }
      if ('missing' in read) continue; // removed between listing and reading
      // The BOM is kept, as readFileSync(…, 'utf8') kept it: the check reads exactly what Astro reads.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.bytes);
      const entry: ContentFile = { collection, id: name.slice(0, -'.mdx'.length), file, frontMatter: readFrontMatter(text) };
      options.onText?.(entry, text);
      out.push(entry);
    }
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  });
}
