// One bounded YAML loader for every YAML the site reads (data files and MDX front matter): a hostile
// file (an alias bomb, hundreds of thousands of keys, deep nesting, a million-character value, a
// control character) is refused with a Vietnamese message naming the line, in bounded time and
// memory, and no English library message or stack ever reaches the editor.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { visibleControls, type Problem } from '../problems/problem.ts';
import type { RuleId } from '../problems/rules.ts';
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
export function unsafeCharacterProblem(found: UnsafeCharacter, what: string): { rule: RuleId; message: string } {
  return found.kind === 'control'
    ? { rule: 'ky-tu-dieu-khien', message: `${what} chứa ký tự điều khiển ${found.codePoint} (chỉ cho phép Tab và xuống dòng); có thể do dán từ phần mềm khác, hãy gõ lại` }
    : { rule: 'ky-tu-khong-hop-le', message: `${what} chứa ${found.description}; có thể do dán từ phần mềm khác, hãy xoá ký tự này hoặc gõ lại` };
}

const numberVi = (n: number) => n.toLocaleString('vi-VN');

/** A value shown in a message: one line, at most 60 characters, control characters as U+XXXX. */
export function shorten(text: string, max = 60): string {
  const visible = visibleControls(text).replace(/\s+/g, ' ');
  return visible.length <= max ? visible : `${visible.slice(0, max - 1)}…`;
}

/** The `yaml` package's error codes, explained in Vietnamese (its English messages are never shown). */
const YAML_ERRORS: Record<string, string> = {
  ALIAS_PROPS: 'bí danh (*tên) không được mang thẻ hay neo',
  BAD_ALIAS: 'bí danh hoặc neo (*tên, &tên) không hợp lệ',
  BAD_DIRECTIVE: 'chỉ thị YAML (dòng bắt đầu bằng %) không hợp lệ',
  BAD_DQ_ESCAPE: 'chuỗi trong ngoặc kép có dãy thoát (dấu \\) không hợp lệ',
  BAD_INDENT: 'thụt lề không đúng: các trường cùng cấp phải thẳng cột',
  BAD_PROP_ORDER: 'neo hoặc thẻ đặt sai chỗ',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này (như @, ` hoặc %); hãy đặt giá trị trong ngoặc kép',
  BLOCK_AS_IMPLICIT_KEY: 'khoá (tên trường) không được là một khối nhiều dòng',
  BLOCK_IN_FLOW: 'không được đặt khối nhiều dòng bên trong [ ] hoặc { }',
  DUPLICATE_KEY: 'trường bị lặp lại',
  IMPOSSIBLE: 'cấu trúc YAML không đọc được',
  KEY_OVER_1024_CHARS: 'tên trường dài quá 1.024 ký tự (có thể thiếu dấu : sau tên trường)',
  MISSING_CHAR: 'thiếu ký tự đóng (ngoặc kép, ] hoặc }) hoặc thiếu dấu :',
  MULTILINE_IMPLICIT_KEY: 'tên trường không được xuống dòng (có thể thiếu dấu : hoặc thụt lề sai ở dòng trên)',
  MULTIPLE_ANCHORS: 'một giá trị chỉ được có một neo (&tên)',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu YAML (có thêm một dòng --- hoặc ...)',
  MULTIPLE_TAGS: 'một giá trị chỉ được có một thẻ (!tên)',
  NON_STRING_KEY: 'tên trường phải là chữ',
  RESOURCE_EXHAUSTION: `cấu trúc lồng nhau quá sâu (tối đa ${YAML_LIMITS.maxDepth} cấp)`,
  TAB_AS_INDENT: 'không dùng phím Tab để thụt lề; hãy dùng dấu cách',
  TAG_RESOLVE_FAILED: 'thẻ (!tên) không được hỗ trợ',
  UNEXPECTED_TOKEN: 'ký tự không đúng chỗ (kiểm tra dấu :, dấu -, ngoặc và thụt lề)',
  BAD_COLLECTION_TYPE: 'kiểu danh sách hoặc bảng không hợp lệ',
};

/** Where the first rule a file breaks is found: every problem is worded once, here. */
function problem(line: number, rule: RuleId, message: string, field = '(YAML)', extra: Partial<YamlProblem> = {}): YamlProblem {
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
      const { rule, message } = unsafeCharacterProblem(unsafe, what === 'key' ? 'tên trường' : 'giá trị');
      problems.push(problem(lineAt(offset), rule, message, fieldName(path), { actual: shorten(text) }));
    }
    if (text.length > YAML_LIMITS.maxValueChars) {
      problems.push(problem(lineAt(offset), 'gia-tri-qua-dai', `${what === 'key' ? 'tên trường' : 'giá trị'} dài ${numberVi(text.length)} ký tự, quá giới hạn ${numberVi(YAML_LIMITS.maxValueChars)} ký tự`, fieldName(path), { actual: shorten(text) }));
    }
  };
  while (stack.length > 0 && problems.length < 20) {
    const { node, path, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    const offset = (node as Node).range?.[0] ?? 0;
    if (isAlias(node)) {
      aliases += 1;
      if (!node.resolve(doc)) problems.push(problem(lineAt(offset), 'yaml', `bí danh *${node.source} chưa có neo &${node.source} ở phía trên`, fieldName(path)));
      continue;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string') checkText(node.value, offset, path, 'value');
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= YAML_LIMITS.maxDepth) {
      return [problem(lineAt(offset), 'yaml-long-qua-sau', `cấu trúc lồng nhau quá sâu (hơn ${YAML_LIMITS.maxDepth} cấp)`, fieldName(path))];
    }
    entries += node.items.length;
    if (entries > YAML_LIMITS.maxEntries) {
      return [problem(lineAt(offset), 'yaml-qua-nhieu-truong', `tệp có quá nhiều trường và mục (hơn ${numberVi(YAML_LIMITS.maxEntries)})`, fieldName(path))];
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
        if (seen.has(name)) problems.push(problem(lineAt(keyOffset), 'truong-lap', `trường "${shorten(name)}" đã có ở trên; mỗi trường chỉ được viết một lần`, fieldName([...path, name])));
        seen.add(name);
        children.push({ node: pair.value, path: [...path, name], depth: depth + 1 });
      }
      stack.push(...children.reverse());
    } else {
      for (let index = node.items.length - 1; index >= 0; index -= 1) stack.push({ node: node.items[index], path: [...path, index], depth: depth + 1 });
    }
  }
  if (aliases > YAML_LIMITS.maxAliasCount) {
    problems.push(problem(lineAt(0), 'yaml-bi-danh', `tệp dùng quá nhiều bí danh (*tên): ${numberVi(aliases)}, tối đa ${YAML_LIMITS.maxAliasCount}`));
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
    return { ok: false, problems: [problem(at(1), 'tep-qua-lon', `nội dung YAML quá lớn: ${numberVi(text.length)} ký tự, tối đa ${numberVi(YAML_LIMITS.maxChars)}`)] };
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
      return { ok: false, problems: [problem(at(line), 'yaml-qua-nhieu-truong', `tệp có quá nhiều trường và mục (hơn ${numberVi(YAML_LIMITS.maxEntries)})`)] };
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
    return { ok: false, problems: [problem(at(1), 'yaml-long-qua-sau', `cấu trúc lồng nhau quá sâu (hơn ${YAML_LIMITS.maxDepth} cấp)`)] };
  }
  const lineAt = (offset: number) => at(counter.linePos(offset).line);
  if (doc.errors.length > 0) {
    // A control character (or U+FFFE, a lone surrogate…) can break the syntax; naming it says
    // more than the syntax error.
    const unsafe = findUnsafeCharacter(text);
    if (unsafe) {
      const pos = counter.linePos(unsafe.index);
      const { rule, message } = unsafeCharacterProblem(unsafe, 'tệp');
      return { ok: false, problems: [problem(at(pos.line), rule, message, '(YAML)', { column: pos.col })] };
    }
    return {
      ok: false,
      problems: doc.errors.slice(0, 20).map((error) => {
        const pos = counter.linePos(error.pos[0]);
        const rule = error.code === 'RESOURCE_EXHAUSTION' ? 'yaml-long-qua-sau' : error.code === 'DUPLICATE_KEY' ? 'truong-lap' : 'yaml';
        return problem(at(pos.line), rule, `YAML không hợp lệ: ${YAML_ERRORS[error.code] ?? `lỗi cú pháp (mã ${error.code})`}`, '(YAML)', { column: pos.col });
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
    return { ok: false, problems: [problem(alias ? lineAt(alias.index) : at(1), 'yaml-bi-danh', `bí danh (*tên) mở rộng thành quá nhiều giá trị (tệp kiểu "bom bí danh"); hãy viết thẳng giá trị thay vì dùng bí danh`)] };
  }
}
