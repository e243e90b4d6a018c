// A throw-away copy of the project in the system temp folder, for tests that build a variant
// of the site (bad input, another Markdown processor, hostile data) without touching this one.
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { keptFolder } from './kept-folder';

const PROJECT_ENTRIES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', 'scripts'];

/**
 * A folder of links to the project's packages that copies hard-link from (see copyProject), in the
 * system temp folder (hard links need the copies' file system). Made once per checkout and package
 * set, under a name derived from both, and kept (keptFolder).
 */
function packageLinks(): { dir: string; names: string[] } {
  const names = readdirSync('node_modules').filter((name) => name !== '.astro' && name !== '.vite').sort();
  const dir = keptFolder('soket-package-links', `${process.cwd()}\n${names.join('\n')}`, (fresh) => {
    for (const name of names) symlinkSync(join(process.cwd(), 'node_modules', name), join(fresh, name));
  });
  return { dir, names };
}

/**
 * Gives a copy an empty node_modules/.cache of its own in place of the link to the project's build
 * caches (compiled documents, charts, drafts, the service worker, the report kit's record of its
 * inputs), for a test whose first build must start from none, or that must not change the
 * project's.
 */
export function giveOwnBuildCaches(dir: string): void {
  rmSync(join(dir, 'node_modules/.cache'), { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules/.cache'));
}

/** A throw-away copy of the project; with `ownBuildCaches`, build caches of its own (giveOwnBuildCaches). */
export function copyProject(prefix: string, { ownBuildCaches = false }: { ownBuildCaches?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of PROJECT_ENTRIES) cpSync(entry, join(dir, entry), { recursive: true });
  // node_modules as a folder of links to the project's packages, so that Astro's content store
  // (node_modules/.astro) and Vite's cache belong to this copy: copies built at the same time with
  // other content (another edition) must not read each other's entries. The ~700 links are hard
  // links to links made once (packageLinks): a new symbolic link is a new inode, about half a
  // millisecond of system time each on the test machines' disk (0.4 s a copy, and `npm test` makes
  // a few hundred copies), a hard link only a directory entry. A symbolic link cannot be changed in
  // place, so sharing its inode shares nothing a test could alter; where a hard link fails (the
  // folder is gone, another file system), the copy gets a link of its own.
  mkdirSync(join(dir, 'node_modules'));
  const links = packageLinks();
  for (const name of links.names) {
    try {
      linkSync(join(links.dir, name), join(dir, 'node_modules', name));
    } catch {
      symlinkSync(join(process.cwd(), 'node_modules', name), join(dir, 'node_modules', name));
    }
  }
  if (ownBuildCaches) giveOwnBuildCaches(dir);
  // The git history too (read only), so the copy's pages carry the same "Cập nhật" dates; a test
  // of the no-git fallback removes this link.
  if (existsSync('.git')) symlinkSync(join(process.cwd(), '.git'), join(dir, '.git'));
  return dir;
}

/** Runs a Node script of the copy (e.g. node_modules/.bin/astro build) with the project's Node. */
export function runIn(dir: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
}
