// The one gateway to an edition's content/ (the input-side twin of src/lib/site/routes.ts, with the
// paths of src/lib/content/paths.ts): the edition file, the MDX collections and the indicator data
// are read and checked here, once per process, and `npm run check` (scripts/check.ts), the build's
// pre-check (scripts/build.mjs runs that command), the Astro integration
// (src/integrations/content-check.ts, astro.config.mjs) and src/data/ all take this one result.
import { resolve } from 'node:path';
import { readContentFiles, type ContentFile } from '../content/content-files.ts';
import { editionOf, forgetEditions } from '../edition/load.ts';
import type { Edition } from '../edition/schema.ts';
import type { Dataset } from '../indicators/dataset.ts';
import { loadDataset } from '../indicators/read.ts';
import { ProblemsError, type Problem } from '../problems/problem.ts';
import { checkImportedFidelity, importedSourceOf } from '../word-in/fidelity-check.ts';
import { checkContentFrontMatter, readAndCheckContent } from './content-precheck.ts';

export interface SiteContent {
  /** The validated edition file; null when it has problems (then the data is not checked: its vocabularies are the edition's). */
  edition: Edition | null;
  /** The MDX collections' files, front matter parsed (src/lib/content/content-files.ts). */
  files: ContentFile[];
  /** The validated indicator data; null when it, or the edition file, has problems. */
  dataset: Dataset | null;
  /** Every problem found, by where it was found, each list in the order the check prints it. */
  problems: { edition: Problem[]; content: Problem[]; data: Problem[] };
  /** Whether the MDX bodies (syntax, schedule anchors, explicit links) were checked as well as the front matter. */
  bodies: boolean;
  /** With the bodies: one line per document imported from Word, how many of its source's sentences were found. */
  importedFidelity: string[];
}

export interface ReadContentOptions {
  /**
   * Also parse every MDX body for its syntax, schedule anchors and explicit links (`npm run check`).
   * The Astro build leaves that to the pre-check and to rendering: parsing each body twice would
   * cost it a second on 10,000 documents.
   */
  bodies?: boolean;
}

/**
 * Results by project root, kept on globalThis: astro.config.mjs, the integration and the pages
 * each evaluate their own instance of this module in one process.
 */
const cache: Map<string, SiteContent> = ((globalThis as Record<symbol, unknown>)[Symbol.for('congdoan-soket.content')] ??= new Map()) as Map<string, SiteContent>;

/** Reads and checks the content/ of the project at `root` once per process (again only to add the bodies' check). */
export function readContent(root = process.cwd(), options: ReadContentOptions = {}): SiteContent {
  const key = resolve(root);
  const cached = cache.get(key);
  if (cached && (cached.bodies || !options.bodies)) return cached;
  const checked = editionOf(root);
  const vocabularies = checked.edition?.vocabularies ?? null;
  let files: ContentFile[];
  let content: Problem[];
  let importedFidelity: string[] = [];
  if (options.bodies) {
    // Documents imported from Word, each against its own source text (content/nguon/<mã>.txt):
    // their texts are kept while in hand, the others' are not.
    const imported = new Map<string, string>();
    ({ files, problems: content } = readAndCheckContent(root, vocabularies, (f, text) => {
      if (f.collection === 'van-ban' && importedSourceOf(f.frontMatter.data) !== undefined) imported.set(f.file, text);
    }));
    const fidelity = checkImportedFidelity(root, imported);
    content = [...content, ...fidelity.problems];
    importedFidelity = fidelity.lines;
  } else {
    files = readContentFiles(root);
    content = checkContentFrontMatter(files, vocabularies);
  }
  let dataset: Dataset | null = null;
  let data: Problem[] = [];
  // Without a valid edition file the data cannot be checked; its problems are said once.
  if (checked.edition) {
    try {
      dataset = loadDataset(root, checked);
    } catch (error) {
      if (!(error instanceof ProblemsError)) throw error;
      data = error.problems;
    }
  }
  const result: SiteContent = { edition: checked.edition, files, dataset, problems: { edition: checked.problems, content, data }, bodies: options.bodies === true, importedFidelity };
  cache.set(key, result);
  return result;
}

/** Every problem of a reading, in the order `npm run check` prints them. */
export function allProblems(content: SiteContent): Problem[] {
  return [...content.problems.edition, ...content.problems.content, ...content.problems.data];
}

/** The dataset, or the refusal that stops a build before any page: the edition's and the data's problems. */
export function datasetOf(content: SiteContent): Dataset {
  if (content.dataset) return content.dataset;
  throw new ProblemsError('data', [...content.problems.edition, ...content.problems.data]);
}

/** Forgets every reading (`astro dev`, when a file under content/ changes). */
export function forgetContent(): void {
  cache.clear();
  forgetEditions();
}
