// The red-team harness (issue 15): each case is one hostile input or fault, tried on a throw-away
// copy of the project through the command exactly as the README writes it (`npm run …`), with a
// bound on time and memory. After a refusal, content/ and dist/ must be byte for byte as before.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { copyProject } from '../helpers/project-copy';

export type Command = 'check:data' | 'import:form' | 'build' | 'check' | 'data:sample' | 'import:van-ban';

export interface RedTeamCase {
  /** One line: what an office or a fault would do. */
  name: string;
  /** Puts the hostile file or fault into the project copy `dir`; returns the extra arguments after `--`, if any. */
  setup: (dir: string) => string[] | void | Promise<string[] | void>;
  command: Command;
  /** `refused`: exit 1, a Vietnamese message, nothing written. `accepted`: exit 0 (the input is handled correctly). */
  outcome: 'refused' | 'accepted';
  /** What the message must say (refused) or print (accepted). */
  message?: RegExp;
  /** Where the message must point: `file:line`, or sheet and cell. */
  where?: RegExp;
  /** Checks the copy after an accepted run (e.g. which rows changed). */
  after?: (dir: string, output: string) => void;
  /** Seconds the command may take (default 20). */
  seconds?: number;
}

export interface Outcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the largest process, in MB (GNU time). */
  peakMb: number;
}

/** Byte-exact fingerprint of a folder: every file's path and SHA-256, links as their target. */
export function treeDigest(root: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(root)) return out;
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const path = rel ? `${rel}/${name}` : name;
      const stat = lstatSync(abs);
      if (stat.isSymbolicLink()) out.set(path, `link:${readlinkSync(abs)}`);
      else if (stat.isDirectory()) walk(abs, path);
      else if (stat.isFile()) out.set(path, createHash('sha256').update(readFileSync(abs)).digest('hex'));
      else out.set(path, `special:${stat.mode}`);
    }
  };
  walk(root, '');
  return out;
}

/** Differences between two digests, as readable lines (empty when identical). */
export function digestDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [path, hash] of before) if (after.get(path) !== hash) lines.push(`${after.has(path) ? 'changed' : 'removed'}: ${path}`);
  for (const path of after.keys()) if (!before.has(path)) lines.push(`added: ${path}`);
  return lines;
}

/** A project copy with the real site's dist/ beside it, so a refused build can be shown to keep it. */
export function redTeamCopy(prefix: string, withDist = false): string {
  const dir = copyProject(prefix);
  if (withDist && existsSync('dist')) cpSync('dist', join(dir, 'dist'), { recursive: true });
  return dir;
}

/** `npm run <command> -- <args>` in `dir`, exactly as the README writes it, under GNU time. */
export function runNpm(dir: string, command: Command, args: string[] = [], seconds = 20, env: Record<string, string> = {}): Outcome {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '@@peak-kb %M', 'npm', 'run', command, ...(args.length ? ['--', ...args] : [])], {
    cwd: dir,
    encoding: 'utf8',
    timeout: seconds * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = /@@peak-kb (\d+)/.exec(result.stderr ?? '');
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: (result.stderr ?? '').replace(/@@peak-kb \d+\n?/, '').replace(/^Command (exited with non-zero status \d+|terminated by signal \d+)\n/m, ''),
    seconds: elapsed,
    peakMb: peak ? Number(peak[1]) / 1024 : Number.NaN,
  };
}

/** Signs that a program crashed instead of explaining: a stack, an English library message, Node's error codes. */
export const CRASH = /^\s+at |\bError:|TypeError|ReferenceError|RangeError|SyntaxError|\bENOENT\b|\bEISDIR\b|\bEACCES\b|Invalid|Unexpected|Cannot |undefined/m;

export function cleanup(dir: string): void {
  // A case may have made a folder immutable (chattr +i) to play a read-only share.
  spawnSync('chattr', ['-R', '-i', dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}

/** The line (from 1) of the first line of `text` that holds `needle`. */
export const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Where a message must point: `file:line` (and `:column`); with `lineStart`, at the start of a line of the output. */
export const at = (file: string, line: number, column?: number, lineStart = false) =>
  new RegExp(`${lineStart ? '^' : ''}${file.replace(/[.]/g, '\\.')}:${line}${column ? `:${column}` : ''}\\b`, lineStart ? 'm' : '');

/** Writes `text` (or its change of the file's text) to `file` in the copy. */
export const plant = (file: string, change: string | ((text: string) => string)) => (dir: string) => {
  const path = join(dir, file);
  writeFileSync(path, typeof change === 'string' ? change : change(readFileSync(path, 'utf8')));
};

/** The memo with a front-matter key its schema does not have. */
export const memoWithUnknownKey = (memo: string) => memo.replace('order: 3\n', 'order: 3\ntieuDe: Công văn\n');
/** The memo with a "{" in its body that MDX reads as an unclosed expression. */
export const memoWithStrayBrace = (memo: string) => memo.replace('Văn phòng dự thảo', 'Văn phòng dự { thảo');
