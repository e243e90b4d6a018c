// The pre-build check of the document collections (`npm run build` runs it before Astro starts):
// every file's front matter against its schema, and every MDX body's syntax, each problem with
// file, line and rule in Vietnamese.
import type { ZodType } from 'zod';
import { documentSchema, documentSchemaFor, programmeSchema, programmeSchemaFor } from './content-schemas.ts';
import { checkEdition } from './edition/load.ts';
import type { Vocabularies } from './edition/schema.ts';
import { readContentFiles, type ContentFile, type MdxCollection } from './content-files.ts';
import { checkReadFrontMatter, type FrontMatterProblem } from './frontmatter-check.ts';
import { checkMdxBody } from './mdx-check.ts';

/**
 * The schemas of one edition: unit kinds and programme levels checked against its vocabularies.
 * Without a valid edition (its own check reports why) the codes are checked for their form only.
 */
function schemasFor(vocabularies: Vocabularies | null): Record<MdxCollection, ZodType> {
  return vocabularies
    ? { 'van-ban': documentSchemaFor(vocabularies), 'chuong-trinh': programmeSchemaFor(vocabularies) }
    : { 'van-ban': documentSchema, 'chuong-trinh': programmeSchema };
}

const FRONT_MATTER_BLOCK = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

/** Front-matter problems of files already read (a file that could not be read has only its own problem). */
export function checkContentFrontMatter(files: ContentFile[], vocabularies: Vocabularies | null = null): FrontMatterProblem[] {
  const schemas = schemasFor(vocabularies);
  return files.flatMap((f) => f.fileProblems ?? checkReadFrontMatter(f.file, f.frontMatter, schemas[f.collection]));
}

/** Problems in the MDX body of one file's text (after its front matter, at the file's own lines). */
export function checkBody(file: string, text: string): FrontMatterProblem[] {
  const head = FRONT_MATTER_BLOCK.exec(text)?.[0];
  // No front matter: the front-matter check already refuses the file.
  if (head === undefined) return [];
  const lineOffset = head.split('\n').length - 1;
  return checkMdxBody(file, text.slice(head.length), lineOffset);
}

/** Reads every document and programme once and checks front matter and body. */
export function checkContent(root: string): FrontMatterProblem[] {
  const bodyProblems: FrontMatterProblem[] = [];
  const files = readContentFiles(root, { onText: (f, text) => bodyProblems.push(...checkBody(f.file, text)) });
  const problems = [...checkContentFrontMatter(files, checkEdition(root).edition?.vocabularies ?? null), ...bodyProblems];
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
