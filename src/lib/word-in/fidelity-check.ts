// The fidelity check of `npm run check` for documents imported from Word: each one names its own
// source text (content/nguon/<mã>.txt, written by `npm run import:van-ban`), and every sentence of
// it must be in the document's MDX text, in order, with nothing added but editor's notes (rules
// nguyen-van-thieu-cau, nguyen-van-thua-chu). The committed sources share van-ban-goc.txt and are
// checked against the built pages by tests/fidelity.test.ts.
import { listContentDir, readContentFile } from '../content/content-dir.ts';
import { MAX_MDX_BYTES } from '../content/content-files.ts';
import { readFrontMatter } from '../content/frontmatter-check.ts';
import type { Problem } from '../problems/problem.ts';
import { problem } from '../problems/messages.ts';
import { mdxFidelity } from './mdx-text.ts';

const SHARED_SOURCE = 'nguon/van-ban-goc.txt';
const FRONT_MATTER_BLOCK = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

export interface FidelitySummary {
  problems: Problem[];
  /** One line per imported document: how many sentences were found. */
  lines: string[];
}

/** The per-document source text a document's front matter names (`nguon/<mã>.txt`), if it was imported from Word. */
export function importedSourceOf(frontMatter: unknown): string | undefined {
  const source = (frontMatter as { source?: { file?: unknown } } | null)?.source?.file;
  return typeof source === 'string' && source !== SHARED_SOURCE && /^nguon\/[a-z0-9-]+\.txt$/.test(source) ? source : undefined;
}

/**
 * `texts`: the imported documents' MDX texts by file, as the content gateway already read them
 * (src/lib/gateway/content.ts), so that no document is read twice; without it, content/van-ban/ is read here.
 */
export function checkImportedFidelity(root: string, texts?: ReadonlyMap<string, string>): FidelitySummary {
  const problems: Problem[] = [];
  const lines: string[] = [];
  const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
  const documents = texts ?? readDocuments(root, decode);
  for (const [file, text] of documents) {
    const source = importedSourceOf(readFrontMatter(text).data);
    if (source === undefined) continue;
    const sourceFile = `content/${source}`;
    const sourceRead = readContentFile(root, sourceFile, MAX_MDX_BYTES);
    if (!('bytes' in sourceRead)) {
      problems.push(problem('van-ban-thieu-nguon', { sourceFile }, { file, line: 1, field: 'source.file', fix: 'nhập lại văn bản từ tệp Word (npm run import:van-ban -- <tệp.docx> --ghi-de) hoặc sửa source.file' }));
      continue;
    }
    const head = FRONT_MATTER_BLOCK.exec(text)?.[0] ?? '';
    const report = mdxFidelity(sourceFile, decode(sourceRead.bytes), text.slice(head.length));
    problems.push(...report.problems);
    lines.push(`${file}: ${report.sentences - report.problems.filter((p) => p.rule === 'nguyen-van-thieu-cau').length}/${report.sentences} câu của ${sourceFile} có trong văn bản${report.problems.length ? `, ${report.problems.length} chỗ lệch` : ''}`);
  }
  return { problems, lines };
}

function readDocuments(root: string, decode: (bytes: Uint8Array) => string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of listContentDir(root, 'content/van-ban').names.filter((n) => n.endsWith('.mdx'))) {
    const file = `content/van-ban/${name}`;
    const read = readContentFile(root, file, MAX_MDX_BYTES);
    if ('bytes' in read) texts.set(file, decode(read.bytes)); // else the content check reports it
  }
  return texts;
}
