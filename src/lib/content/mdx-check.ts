// MDX syntax errors in a document's body (a stray `{`, an unclosed or mismatched JSX tag, a bad
// import line), found before Astro starts and reported in Vietnamese at the file's own line and
// column. Astro would otherwise stop midway with an English message and a stack.
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { FrontMatterProblem } from './frontmatter-check.ts';
import { shorten, unsafeCharacterProblem } from './yaml-load.ts';
import { findUnsafeCharacter } from '../text/unsafe-characters.ts';
import { problem } from '../problems/messages.ts';

const parser = unified().use(remarkParse).use(remarkMdx);

/**
 * Only `<`, `{`, `}` and lines starting with import/export are MDX syntax; a body with none of
 * them is plain Markdown, which always parses. Most documents skip the parse this way (the
 * benchmark's 10,000 documents all do); one with JSX costs about 0.2 ms per KB.
 */
const MDX_SYNTAX = /[<{}]|^(?:import|export)\b/m;

interface MdxMessage {
  source?: string;
  ruleId?: string;
  reason?: string;
  line?: number;
  column?: number;
  place?: { line: number; column: number; offset?: number } | { start: { line: number; column: number; offset?: number } };
}

/** The opening `{` an unclosed expression started at: the last unmatched one before `end`. */
function openingBrace(body: string, end: number): number | undefined {
  let depth = 0;
  for (let i = Math.min(end, body.length) - 1; i >= 0; i -= 1) {
    if (body[i] === '}') depth += 1;
    else if (body[i] === '{') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return undefined;
}

function lineColumn(body: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = body.indexOf('\n'); i !== -1 && i < offset; i = body.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Where the parser's error is for the editor: an unclosed tag is reported at its paragraph's start,
 * and its reason gives where the open tag is, "(3:5-3:8)".
 */
function openTagAt(error: MdxMessage): { line: number; column: number } | undefined {
  if (error.source !== 'mdast-util-mdx-jsx' || error.ruleId !== 'end-tag-mismatch' || !(error.reason ?? '').startsWith('Expected a closing tag')) return undefined;
  const open = /\((\d+):(\d+)-/.exec(error.reason ?? '');
  return open ? { line: Number(open[1]), column: Number(open[2]) } : undefined;
}

/**
 * Problems in an MDX body. `lineOffset`: lines of the file before the body (the front matter), so
 * lines are the file's own.
 */
export function checkMdxBody(file: string, body: string, lineOffset: number): FrontMatterProblem[] {
  // The body's text is published and goes into the Word template: the characters no front-matter
  // field may hold (a bidi override, U+FFFE, a zero-width space) are refused here too.
  const unsafe = findUnsafeCharacter(body);
  if (unsafe) {
    const pos = lineColumn(body, unsafe.index);
    const lineText = body.split('\n', pos.line)[pos.line - 1] ?? '';
    const { rule, message } = unsafeCharacterProblem(unsafe, 'nội dung', shorten(lineText.slice(Math.max(0, pos.column - 20)).trim()));
    return [{ file, line: pos.line + lineOffset, column: pos.column, field: '(nội dung MDX)', rule, message }];
  }
  if (!MDX_SYNTAX.test(body)) return [];
  try {
    parser.parse(body);
    return [];
  } catch (caught) {
    const error = caught as MdxMessage;
    const start = error.place && 'start' in error.place ? error.place.start : error.place;
    let pos = { line: start?.line ?? error.line ?? 1, column: start?.column ?? error.column ?? 1 };
    // An unclosed `{` is reported where the parser gave up (the end of the paragraph); the editor
    // needs the brace itself.
    if (error.ruleId === 'unexpected-eof' && error.source === 'micromark-extension-mdx-expression' && start?.offset !== undefined) {
      const brace = openingBrace(body, start.offset);
      if (brace !== undefined) pos = lineColumn(body, brace);
    }
    const at = openTagAt(error);
    if (at) pos = at;
    const lineText = body.split('\n', pos.line)[pos.line - 1] ?? '';
    const excerpt = shorten(lineText.slice(Math.max(0, pos.column - 20)).trim());
    const syntax = { source: error.source ?? '', ruleId: error.ruleId ?? '', reason: error.reason ?? '' };
    return [problem('cu-phap-mdx', { ...syntax, excerpt }, { file, line: pos.line + lineOffset, column: pos.column, field: '(nội dung MDX)' })];
  }
}
