// One bounded YAML loader for every YAML the site reads (data files and MDX front matter): a hostile
// file (an alias bomb, hundreds of thousands of keys, deep nesting, a million-character value, a
// control character) is refused with a Vietnamese message naming the line, in bounded time and
// memory, and no English library message or stack ever reaches the editor.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { visibleControls, type Problem } from '../problems/problem.ts';
import type { RuleId } from '../problems/rules.ts';
import { messageOf, type MessageValues, type WordedRule } from '../problems/messages.ts';
import { findUnsafeCharacter, type UnsafeCharacter } from '../text/unsafe-characters.ts';

/**
 * Caps far above any real file (the largest front matter is under 4 KB, the largest data file
 * under 2 KB) and low enough that a file at the cap parses in about a second and well under 1 GB.
 */
export const YAML_LIMITS = {
  /** Characters of YAML text (a whole data file or a front-matter block). */
  maxChars: 2 * 1024 * 1024,
  /** Map entries and list items in the whole file. */
  maxEntries: 10_000,
  /** Nested maps and lists. */
  maxDepth: 32,
  /** Characters of one text value or key. */
  maxValueChars: 10_000,
  /** The `yaml` package's guard against alias expansion (billion laughs). */
  maxAliasCount: 100,
} as const;

/** A problem in a YAML text, before the caller says which file the text is (frontmatter-check.ts). */
export type YamlProblem = Omit<Problem, 'file'> & { line: number; field: string };

export type YamlLoad =
  | { ok: true; value: unknown; doc: Document.Parsed; counter: LineCounter }
  | { ok: false; problems: YamlProblem[] };

/**
 * What a YAML text may not hold (src/lib/text/unsafe-characters.ts): a control character keeps its
 * own rule (ky-tu-dieu-khien); a character XML cannot carry, a bidi control or a zero-width one
 * gets ky-tu-khong-hop-le. Both name the code point.
 */
export function unsafeCharacterProblem(found: UnsafeCharacter, what: string, excerpt?: string): { rule: RuleId; message: string } {
  const at = { in: 'text' as const, what, ...(excerpt === undefined ? {} : { excerpt }) };
  return found.kind === 'control'
    ? worded('ky-tu-dieu-khien', { ...at, codePoint: found.codePoint })
    : worded('ky-tu-khong-hop-le', { ...at, description: found.description });
}

/** A rule and its message, worded by the catalogue (messages.ts). */
function worded<R extends WordedRule>(rule: R, values: MessageValues<R>): { rule: R; message: string } {
  return { rule, message: messageOf(rule, values) };
}


/** A value shown in a message: one line, at most 60 characters, control characters as U+XXXX. */
export function shorten(text: string, max = 60): string {
  const visible = visibleControls(text).replace(/\s+/g, ' ');
  return visible.length <= max ? visible : `${visible.slice(0, max - 1)}…`;
}

/** Where the first rule a file breaks is found, with its message (worded by the catalogue). */
function problem(line: number, { rule, message }: { rule: RuleId; message: string }, field = '(YAML)', extra: Partial<YamlProblem> = {}): YamlProblem {
  // A path through deep nesting or a huge key is shortened like any value.
  return { line, field: shorten(field, 80), rule, message, ...extra };
}

/** "schedule[4].end" from the walk's path. */
function fieldName(path: readonly (string | number)[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key), '') || '(tệp)';
}

/**
 * Checks a composed document without expanding aliases: counts, depth, duplicate keys, value
 * lengths and control characters, iteratively (no recursion, so no stack overflow at any depth).
 */
function walk(doc: Document.Parsed, lineAt: (offset: number) => number): YamlProblem[] {
  const problems: YamlProblem[] = [];
  let entries = 0;
  let aliases = 0;
  const stack: { node: unknown; path: (string | number)[]; depth: number }[] = [{ node: doc.contents, path: [], depth: 0 }];
  const checkText = (text: string, offset: number, path: (string | number)[], what: 'value' | 'key') => {
    const unsafe = findUnsafeCharacter(text);
    if (unsafe) {
      problems.push(problem(lineAt(offset), unsafeCharacterProblem(unsafe, what === 'key' ? 'tên trường' : 'giá trị'), fieldName(path), { actual: shorten(text) }));
    }
    if (text.length > YAML_LIMITS.maxValueChars) {
      problems.push(problem(lineAt(offset), worded('gia-tri-qua-dai', { key: what === 'key', length: text.length, max: YAML_LIMITS.maxValueChars }), fieldName(path), { actual: shorten(text) }));
    }
  };
  while (stack.length > 0 && problems.length < 20) {
    const { node, path, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    const offset = (node as Node).range?.[0] ?? 0;
    if (isAlias(node)) {
      aliases += 1;
      if (!node.resolve(doc)) problems.push(problem(lineAt(offset), worded('yaml', { alias: node.source }), fieldName(path)));
      continue;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string') checkText(node.value, offset, path, 'value');
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= YAML_LIMITS.maxDepth) {
      return [problem(lineAt(offset), worded('yaml-long-qua-sau', { maxDepth: YAML_LIMITS.maxDepth }), fieldName(path))];
    }
    entries += node.items.length;
    if (entries > YAML_LIMITS.maxEntries) {
      return [problem(lineAt(offset), worded('yaml-qua-nhieu-truong', { max: YAML_LIMITS.maxEntries }), fieldName(path))];
    }
    // Pushed last to first, so that problems come out in the file's order.
    if (isMap(node)) {
      const seen = new Set<string>();
      const children: typeof stack = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        // An empty key (": x") is null: named, not printed as "null".
        const name = isScalar(key) && key.value !== null && key.value !== undefined ? String(key.value) : '(trường không tên)';
        const keyOffset = key?.range?.[0] ?? offset;
        if (isScalar(key) && typeof key.value === 'string') checkText(key.value, keyOffset, [...path, name], 'key');
        if (seen.has(name)) problems.push(problem(lineAt(keyOffset), worded('truong-lap', { name: shorten(name) }), fieldName([...path, name])));
        seen.add(name);
        children.push({ node: pair.value, path: [...path, name], depth: depth + 1 });
      }
      stack.push(...children.reverse());
    } else {
      for (let index = node.items.length - 1; index >= 0; index -= 1) stack.push({ node: node.items[index], path: [...path, index], depth: depth + 1 });
    }
  }
  if (aliases > YAML_LIMITS.maxAliasCount) {
    problems.push(problem(lineAt(0), worded('yaml-bi-danh', { aliases, max: YAML_LIMITS.maxAliasCount })));
  }
  return problems;
}

/**
 * Parses YAML text within the limits above. `lineOffset`: lines of the file before the text (a
 * front-matter block starts after the opening ---), so every line is a line of the file.
 */
export function loadYaml(text: string, lineOffset = 0): YamlLoad {
  const at = (line: number) => line + lineOffset;
  if (text.length > YAML_LIMITS.maxChars) {
    return { ok: false, problems: [problem(at(1), { rule: 'tep-qua-lon', message: messageOf('tep-qua-lon', { size: text.length, limit: YAML_LIMITS.maxChars, yaml: 'chars' }) })] };
  }
  // A quick bound before parsing: lines that open an entry ("key:" or "- "; a line of a text block
  // that looks like one counts too, harmless under this cap). Parsing 200,000 keys
  // took 2-6 s and 450 MB; counted here, 0.1 s. Entries written inline ({a: 1, b: 2}) are counted
  // exactly by the walk below.
  const entryLine = /^[ \t]*(?:-[ \t]|[^\s#][^\n]*?:(?:[ \t]|$))/gm;
  let lines = 0;
  for (let match = entryLine.exec(text); match; match = entryLine.exec(text)) {
    lines += 1;
    if (lines > YAML_LIMITS.maxEntries) {
      const line = text.slice(0, match.index).split('\n').length;
      return { ok: false, problems: [problem(at(line), worded('yaml-qua-nhieu-truong', { max: YAML_LIMITS.maxEntries }))] };
    }
  }
  const counter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // uniqueKeys: false — the package compares every key with every earlier one (40,000 keys took
    // 23–32 s); duplicates are found in the walk below with a set instead.
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false });
  } catch {
    // Only a stack overflow escapes the parser: nesting far past any real file.
    return { ok: false, problems: [problem(at(1), worded('yaml-long-qua-sau', { maxDepth: YAML_LIMITS.maxDepth }))] };
  }
  const lineAt = (offset: number) => at(counter.linePos(offset).line);
  if (doc.errors.length > 0) {
    // A control character (or U+FFFE, a lone surrogate…) can break the syntax; naming it says
    // more than the syntax error.
    const unsafe = findUnsafeCharacter(text);
    if (unsafe) {
      const pos = counter.linePos(unsafe.index);
      return { ok: false, problems: [problem(at(pos.line), unsafeCharacterProblem(unsafe, 'tệp'), '(YAML)', { column: pos.col })] };
    }
    return {
      ok: false,
      problems: doc.errors.slice(0, 20).map((error) => {
        const pos = counter.linePos(error.pos[0]);
        const syntax = { code: error.code, maxDepth: YAML_LIMITS.maxDepth };
        const found = error.code === 'RESOURCE_EXHAUSTION' ? worded('yaml-long-qua-sau', syntax) : error.code === 'DUPLICATE_KEY' ? worded('truong-lap', syntax) : worded('yaml', syntax);
        return problem(at(pos.line), found, '(YAML)', { column: pos.col });
      }),
    };
  }
  const problems = walk(doc, lineAt);
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }), doc, counter };
  } catch {
    // The package refuses an alias whose expansion would be too large (a "billion laughs" file).
    const alias = /\*[^\s,\]}]/.exec(text);
    return { ok: false, problems: [problem(alias ? lineAt(alias.index) : at(1), worded('yaml-bi-danh', { expansion: true }))] };
  }
}
