// The pre-build check of the document collections (`npm run check` and `npm run build` run it
// before Astro starts): every file's front matter against its schema, every MDX body's syntax, each
// schedule entry's anchor and each explicit link to a document page, each problem with file, line
// and rule in Vietnamese.
import type { ZodType } from 'zod';
import { documentSchema, documentSchemaFor, noticeSchema, programmeSchema, programmeSchemaFor } from '../documents/content-schemas.ts';
import { checkEdition } from '../edition/load.ts';
import type { Vocabularies } from '../edition/schema.ts';
import { readContentFiles, type ContentFile, type MdxCollection } from '../content/content-files.ts';
import { checkReadFrontMatter, fieldLine, type FrontMatterProblem } from '../content/frontmatter-check.ts';
import { checkMdxBody } from '../content/mdx-check.ts';
import { bodyRefs, brokenLink, missingAnchorProblems } from '../documents/content-refs.ts';
import { sortProblems, type Problem } from '../problems/problem.ts';
import { routes as siteRoutes } from '../site/routes.ts';

/**
 * The schemas of one edition: unit kinds and programme levels checked against its vocabularies.
 * Without a valid edition (its own check reports why) the codes are checked for their form only.
 */
function schemasFor(vocabularies: Vocabularies | null): Record<MdxCollection, ZodType> {
  return vocabularies
    ? { 'van-ban': documentSchemaFor(vocabularies), 'chuong-trinh': programmeSchemaFor(vocabularies), 'thong-bao': noticeSchema }
    : { 'van-ban': documentSchema, 'chuong-trinh': programmeSchema, 'thong-bao': noticeSchema };
}

const FRONT_MATTER_BLOCK = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

/** A file's MDX body and the number of lines before it; undefined without front matter (the front-matter check refuses the file). */
function bodyOf(text: string): { body: string; lineOffset: number } | undefined {
  const head = FRONT_MATTER_BLOCK.exec(text)?.[0];
  return head === undefined ? undefined : { body: text.slice(head.length), lineOffset: head.split('\n').length - 1 };
}

/** Front-matter problems of files already read (a file that could not be read has only its own problem). */
export function checkContentFrontMatter(files: ContentFile[], vocabularies: Vocabularies | null = null): FrontMatterProblem[] {
  const schemas = schemasFor(vocabularies);
  return files.flatMap((f) => f.fileProblems ?? checkReadFrontMatter(f.file, f.frontMatter, schemas[f.collection]));
}

/** Problems in the MDX body of one file's text (after its front matter, at the file's own lines). */
export function checkBody(file: string, text: string): FrontMatterProblem[] {
  const parts = bodyOf(text);
  return parts ? checkMdxBody(file, parts.body, parts.lineOffset) : [];
}

/** A body is parsed for its anchors and links only when it has something to check: most have neither. */
const MAY_LINK = /\/(?:van-ban|chuong-trinh)\//;

interface Pending {
  file: string;
  links: { url: string; line?: number; column?: number }[];
}

/** Reads every document and programme once and checks front matter, body, schedule anchors and explicit links. */
export function checkContent(root: string, vocabularies: Vocabularies | null = checkEdition(root).edition?.vocabularies ?? null): Problem[] {
  return readAndCheckContent(root, vocabularies).problems;
}

/** The files read (front matter kept) and every problem in them: the gateway's reading of the MDX collections. */
export function readAndCheckContent(root: string, vocabularies: Vocabularies | null, onText?: (file: ContentFile, text: string) => void): { files: ContentFile[]; problems: Problem[] } {
  const bodyProblems: Problem[] = [];
  const pending: Pending[] = [];
  const files = readContentFiles(root, {
    onText: (f, text) => {
      onText?.(f, text);
      const parts = bodyOf(text);
      if (parts === undefined) return;
      const { body, lineOffset } = parts;
      const syntax = checkMdxBody(f.file, body, lineOffset);
      bodyProblems.push(...syntax);
      if (syntax.length > 0) return;
      const data = f.frontMatter.data as { schedule?: unknown } | null;
      const schedule = f.collection === 'van-ban' && Array.isArray(data?.schedule) ? (data.schedule as { id: string; anchor: string }[]) : [];
      if (schedule.length === 0 && !MAY_LINK.test(body)) return;
      const refs = bodyRefs(body, lineOffset);
      if (!refs) return;
      if (schedule.every((item) => typeof item?.anchor === 'string' && typeof item.id === 'string')) {
        const block = f.frontMatter.block ?? '';
        bodyProblems.push(...missingAnchorProblems(f.file, schedule, refs.anchors, (index) => fieldLine(block, ['schedule', index, 'anchor'])));
      }
      if (refs.links.length > 0) pending.push({ file: f.file, links: refs.links });
    },
  });
  const frontMatter = checkContentFrontMatter(files, vocabularies);
  // A file whose front matter is refused has its anchors reported only once that is fixed.
  const refused = new Set(frontMatter.map((p) => p.file));
  const routes = new Set(files.map((f) => `${f.collection}/${f.id}`));
  const linkProblems = pending.flatMap(({ file, links }) => links.flatMap((l) => brokenLink(file, l.url, routes, l.line, l.column) ?? []));
  // A notice's `document` names a document of content/van-ban/: checked as the link it becomes.
  for (const f of files.filter((x) => x.collection === 'thong-bao' && !refused.has(x.file))) {
    const document = (f.frontMatter.data as { document?: unknown } | null)?.document;
    if (typeof document !== 'string') continue;
    const broken = brokenLink(f.file, siteRoutes.document(document), routes, fieldLine(f.frontMatter.block ?? '', ['document']));
    if (broken) linkProblems.push({ ...broken, field: 'document' });
  }
  return { files, problems: sortProblems([...frontMatter, ...bodyProblems.filter((p) => p.rule !== 'neo-lich' || !refused.has(p.file)), ...linkProblems]) };
}
