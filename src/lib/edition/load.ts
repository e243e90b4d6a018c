// Reads and validates content/cau-hinh.yaml once per process: with the bounded YAML loader and
// the same file:line:field:rule messages as every other content file.
import { resolve } from 'node:path';
import { listContentDir, readContentFile } from '../content/content-dir.ts';
import { contentPaths, EDITION_FILE } from '../content/paths.ts';
import { fieldLine, validateYaml, type FrontMatterProblem } from '../content/frontmatter-check.ts';
import { ProblemsError } from '../problems/problem.ts';
import { problem } from '../problems/messages.ts';
import { editionSchema, type Edition } from './schema.ts';

const MAX_BYTES = 64 * 1024;

export function checkEdition(root: string): { edition: Edition; problems: [] } | { edition: null; problems: FrontMatterProblem[] } {
  const read = readContentFile(root, EDITION_FILE, MAX_BYTES);
  if ('missing' in read) return { edition: null, problems: [problem('thieu-tep', {}, { file: EDITION_FILE, line: 1, field: '(tệp)' })] };
  if ('refusal' in read) return { edition: null, problems: [{ file: EDITION_FILE, line: 1, field: '(tệp)', rule: read.refusal.rule, message: read.refusal.message }] };
  const text = new TextDecoder().decode(read.bytes);
  const checked = validateYaml(EDITION_FILE, text, editionSchema);
  if (checked.problems.length > 0) return { edition: null, problems: checked.problems };
  const edition = checked.value as Edition;
  const clash = scopeClash(root, edition, text);
  return clash ? { edition: null, problems: [clash] } : { edition, problems: [] };
}

/** Where the units' files are (content/don-vi/<code>.yaml): a unit's code is its file's name. */
const UNITS_DIR = contentPaths.units;

/**
 * The scope's draft and form are named after its slug, beside the units' (named after their
 * codes): a slug equal to a unit's code would replace that unit's files with the organisation's.
 */
function scopeClash(root: string, edition: Edition, text: string): FrontMatterProblem | null {
  const slug = edition.organisation.scope.slug;
  // A missing or unreadable folder is reported by the data check, with its own reason.
  const unit = listContentDir(root, UNITS_DIR).names.find((name) => name.replace(/\.ya?ml$/, '') === slug && /\.ya?ml$/.test(name));
  if (!unit) return null;
  return problem('ma-pham-vi-trung', { slug, unitFile: `${UNITS_DIR}/${unit}` }, { file: EDITION_FILE, line: fieldLine(text, ['organisation', 'scope', 'slug'], 0), field: 'organisation.scope.slug' });
}

export type CheckedEdition = ReturnType<typeof checkEdition>;

/**
 * Checked editions by project root, kept on globalThis: Astro evaluates astro.config.mjs, the
 * collections' config and the pages as separate module instances of this file in one process,
 * and each would otherwise read and validate the file again.
 */
const cache: Map<string, CheckedEdition> = ((globalThis as Record<symbol, unknown>)[Symbol.for('congdoan-soket.edition')] ??= new Map()) as Map<string, CheckedEdition>;

/** The edition file of the project at `root`, read and validated once per process: the edition or its problems. */
export function editionOf(root = process.cwd()): CheckedEdition {
  const key = resolve(root);
  let checked = cache.get(key);
  if (!checked) cache.set(key, (checked = checkEdition(root)));
  return checked;
}

/** Forgets the checked editions (`astro dev` when a content file changes). */
export function forgetEditions(): void {
  cache.clear();
}

/** The edition of the project at `root` (the current directory by default); throws a ProblemsError ('edition'). */
export function loadEdition(root = process.cwd()): Edition {
  const checked = editionOf(root);
  if (!checked.edition) throw new ProblemsError('edition', checked.problems);
  return checked.edition;
}
