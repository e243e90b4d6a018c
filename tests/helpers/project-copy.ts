// A throw-away copy of the project in the system temp folder, for tests that build a variant
// of the site (bad input, another Markdown processor, hostile data) without touching this one.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

const PROJECT_ENTRIES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', 'scripts'];

export function copyProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of PROJECT_ENTRIES) cpSync(entry, join(dir, entry), { recursive: true });
  // node_modules as a folder of links to the project's packages, so that Astro's content store
  // (node_modules/.astro) and Vite's cache belong to this copy: copies built at the same time with
  // other content (another edition) must not read each other's entries.
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync('node_modules')) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(process.cwd(), 'node_modules', name), join(dir, 'node_modules', name));
  }
  // The git history too (read only), so the copy's pages carry the same "Cập nhật" dates; a test
  // of the no-git fallback removes this link.
  if (existsSync('.git')) symlinkSync(join(process.cwd(), '.git'), join(dir, '.git'));
  return dir;
}

/** Runs a Node script of the copy (e.g. node_modules/.bin/astro build) with the project's Node. */
export function runIn(dir: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
}
