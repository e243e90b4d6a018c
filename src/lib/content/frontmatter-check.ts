// Validates a content file's front matter and reports each problem with the file, the line of the
// offending field, the field path and the rule — Astro's own message names neither line nor rule.
import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { ZodType } from 'zod';
import { loadYaml, YAML_LIMITS, type YamlProblem } from './yaml-load.ts';
import type { Problem } from '../problems/problem.ts';
import { isRuleId, type RuleId } from '../problems/rules.ts';
import { problem } from '../problems/messages.ts';
import { findUnsafeCharacter } from '../text/unsafe-characters.ts';

/** A YAML problem (yaml-load.ts) with the file it is in: always a line and a field. */
export type FrontMatterProblem = Problem & YamlProblem;

/** zod's issue codes as rule names an editor can look up in the README. */
const RULE_NAMES: Record<string, RuleId> = {
  invalid_type: 'kieu-du-lieu',
  invalid_value: 'gia-tri-cho-phep',
  too_small: 'toi-thieu',
  too_big: 'toi-da',
  invalid_format: 'dinh-dang',
  unrecognized_keys: 'truong-la',
  // Codes none of today's schemas produce, named by what they mean for an editor.
  invalid_union: 'kieu-du-lieu',
  invalid_key: 'kieu-du-lieu',
  invalid_element: 'kieu-du-lieu',
  not_multiple_of: 'gia-tri-cho-phep',
};

/**
 * A schema's own rule (`params: { rule }`), else zod's issue code's; a missing field (`value`
 * undefined where a type was expected) is thieu-truong.
 */
function ruleOf(issue: { code: string; params?: Record<string, unknown> }, value: unknown): RuleId {
  if (issue.code === 'invalid_type' && value === undefined) return 'thieu-truong';
  const custom = issue.params?.rule;
  if (typeof custom === 'string' && isRuleId(custom)) return custom;
  return RULE_NAMES[issue.code] ?? 'kieu-du-lieu';
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The value at `path` in parsed data; undefined when the field is not there. */
function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** "schedule.4.end" → "schedule[4].end" */
function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');
}

/** Line of the deepest node on `path` that exists (the parent map when a field is missing). */
function lineOf(root: Node | null, path: PropertyKey[], counter: LineCounter, offset: number): number {
  let node: Node | null = root;
  let best = node?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      best = (pair.key as Node | null)?.range?.[0] ?? best;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else break;
  }
  return counter.linePos(best).line + offset;
}

/** The file line of the field at `path` in a front-matter block (found only when a problem needs it). */
export function fieldLine(block: string, path: PropertyKey[], lineOffset = 1): number {
  const counter = new LineCounter();
  const doc = parseDocument(block, { lineCounter: counter, schema: 'core' });
  return lineOf(doc.contents as Node | null, path, counter, lineOffset);
}

/** A file's front-matter block, and its value as the quick check reads it (NOT_PARSED if it does not parse). */
export interface FrontMatter {
  block: string | undefined;
  data: unknown;
}

export const NOT_PARSED = Symbol('front matter that does not parse');

/**
 * Reads a file's front matter with the YAML 1.2 core schema, as the line-keeping parse below
 * does: dates stay text, so an impossible day is still caught (Astro's own reading would turn
 * "2026-02-30" into 2 March).
 */
export function readFrontMatter(text: string): FrontMatter {
  const captured = FRONT_MATTER.exec(text)?.[1];
  if (captured === undefined) return { block: captured, data: NOT_PARSED };
  // A copy, not the capture: V8 makes a capture (and every string js-yaml cuts from it) a slice
  // that keeps the whole file's text alive, and the build keeps the front matter of every file
  // (98 MB of heap on the 10,000-document benchmark, 24 MB with the copy).
  const block = JSON.parse(JSON.stringify(captured)) as string;
  // js-yaml has no bound on aliases (their expansion would reach the schema check) nor on size:
  // a block it cannot be trusted with goes straight to the bounded loader (src/lib/content/yaml-load.ts).
  if (block.length > YAML_LIMITS.maxChars || block.includes('*')) return { block, data: NOT_PARSED };
  try {
    return { block, data: load(block, { schema: CORE_SCHEMA }) };
  } catch {
    return { block, data: NOT_PARSED };
  }
}

export function checkFrontMatter(file: string, text: string, schema: ZodType): FrontMatterProblem[] {
  return checkReadFrontMatter(file, readFrontMatter(text), schema);
}

/**
 * No text in schema-valid data holds a control character, bidi control, zero-width or non-XML character or passes the length cap (what the
 * bounded loader would refuse). Iterative: the data came from js-yaml, not from the bounded loader.
 */
function textsAreClean(data: unknown): boolean {
  const stack = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.length > YAML_LIMITS.maxValueChars || findUnsafeCharacter(value) !== null) return false;
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.length > YAML_LIMITS.maxValueChars || findUnsafeCharacter(key) !== null) return false;
        stack.push(item);
      }
    }
  }
  return true;
}

/** checkFrontMatter for a file whose front matter was already read (src/lib/content/content-files.ts). */
export function checkReadFrontMatter(file: string, { block, data }: FrontMatter, schema: ZodType): FrontMatterProblem[] {
  if (block === undefined) {
    return [problem('front-matter', {}, { file, line: 1, field: '(front matter)' })];
  }
  // Almost every file is valid: a plain parse and the schema say so at a tenth of the cost of the
  // line-keeping parse (1.6 s of a 10,000-document build), which only a failing file needs.
  if (data !== NOT_PARSED && schema.safeParse(data).success && textsAreClean(data)) return [];
  // Line 1 is the opening ---, so YAML line n is file line n + 1.
  return checkYaml(file, block, schema, 1);
}

/**
 * Validates a YAML text (a whole data file, or a front-matter block starting after `lineOffset`
 * lines) against a schema; each problem carries the file line of the offending field.
 */
export function checkYaml(file: string, text: string, schema: ZodType, lineOffset = 0): FrontMatterProblem[] {
  return validateYaml(file, text, schema, lineOffset).problems;
}

/** Like checkYaml, and also returns the validated value when there is no problem (parsed once). */
export function validateYaml<T>(
  file: string,
  text: string,
  schema: ZodType<T>,
  lineOffset = 0,
): { value: T; problems: [] } | { value: undefined; problems: FrontMatterProblem[] } {
  const loaded = loadYaml(text, lineOffset);
  if (!loaded.ok) return { value: undefined, problems: loaded.problems.map((p) => ({ file, ...p })) };
  const { doc, counter } = loaded;
  const result = schema.safeParse(loaded.value);
  if (result.success) return { value: result.data, problems: [] };
  return {
    value: undefined,
    problems: result.error.issues.flatMap((issue): FrontMatterProblem[] => {
      // An unknown field (often a misspelt one) is reported at its own line, one problem per field.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
          const path = [...issue.path, key];
          return problem('truong-la', { key }, { file, line: lineOf(doc.contents, path, counter, lineOffset), field: fieldName(path) });
        });
      }
      // The issue's message: the catalogue's, for a schema's own rule (problems/rule-issues.ts), or
      // zod's issue code worded in Vietnamese (zod-vi.ts).
      return [{
        file,
        line: lineOf(doc.contents, issue.path, counter, lineOffset),
        field: fieldName(issue.path) || '(tệp)',
        rule: ruleOf(issue as { code: string; params?: Record<string, unknown> }, valueAt(loaded.value, issue.path)),
        message: issue.message,
      }];
    }),
  };
}
