// Runs a command with tests/helpers/count-content-reads.mjs preloaded in each of its Node processes
// and returns what each process read under content/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ProcessReads {
  argv: string[];
  reads: Record<string, number>;
}

/** The environment that makes every Node process of a command count its reads into a fresh log. */
export function countingEnv(): { env: Record<string, string>; reads: () => ProcessReads[]; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'soket-reads-'));
  const log = join(dir, 'reads.jsonl');
  const preload = resolve('tests/helpers/count-content-reads.mjs');
  return {
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim(), CONTENT_READS_LOG: log },
    reads: () => readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ProcessReads),
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}
