// The MDX files of the document collections, read once before Astro starts: the front-matter
// check and the citation plugins' list of published documents both work from this one reading
// (each read and parsed every file itself, 0.5 s more on 10,000 documents).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontMatter, type FrontMatter, type FrontMatterProblem } from './frontmatter-check.ts';

export const MDX_COLLECTIONS = ['van-ban', 'chuong-trinh'] as const;
export type MdxCollection = (typeof MDX_COLLECTIONS)[number];

/** 100 times the largest document (20 KB): a larger file is a slip (a pasted dump), and would only be read to be refused. */
export const MAX_MDX_BYTES = 2 * 1024 * 1024;

export interface ContentFile {
  collection: MdxCollection;
  /** Entry id: the file name without .mdx. */
  id: string;
  /** Path from the project root, as messages name it: "content/van-ban/ke-hoach-so-ket.mdx". */
  file: string;
  /** Only the front matter is kept: the texts of the 10,000-document benchmark take 78 MB of heap. */
  frontMatter: FrontMatter;
  /** Problems with the file itself (too large to read), reported with the front-matter check. */
  fileProblems?: FrontMatterProblem[];
}

export interface ReadOptions {
  /** Called with each file's whole text while it is in hand (the MDX body check), so no text is kept. */
  onText?: (file: ContentFile, text: string) => void;
}

const NO_FRONT_MATTER: FrontMatter = { block: '', data: undefined };

export function readContentFiles(root: string, options: ReadOptions = {}): ContentFile[] {
  return MDX_COLLECTIONS.flatMap((collection) => {
    const dir = join(root, 'content', collection);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      // Hidden files (an editor's backup, ".ban-nhap.mdx") are not published: Astro's loader skips them too.
      .filter((name) => name.endsWith('.mdx') && !name.startsWith('.'))
      .sort()
      .map((name): ContentFile => {
        const path = join(dir, name);
        const base = { collection, id: name.slice(0, -'.mdx'.length), file: `content/${collection}/${name}` };
        const stat = statSync(path);
        if (!stat.isFile()) {
          // Reading a FIFO would wait forever; a folder named *.mdx cannot be read at all.
          return { ...base, frontMatter: NO_FRONT_MATTER, fileProblems: [{ file: base.file, line: 1, field: '(tệp)', rule: 'khong-phai-tep', message: 'không phải một tệp văn bản thường (thư mục hoặc tệp đặc biệt); xoá hoặc đổi tên' }] };
        }
        const size = stat.size;
        if (size > MAX_MDX_BYTES) {
          const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
          return {
            ...base,
            frontMatter: NO_FRONT_MATTER,
            fileProblems: [{ file: base.file, line: 1, field: '(tệp)', rule: 'tep-qua-lon', message: `tệp quá lớn: ${mb(size)}, tối đa ${mb(MAX_MDX_BYTES)} cho một văn bản` }],
          };
        }
        const text = readFileSync(path, 'utf8');
        const entry = { ...base, frontMatter: readFrontMatter(text) };
        options.onText?.(entry, text);
        return entry;
      });
  });
}
