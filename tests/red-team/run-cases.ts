// Issue 15's red-team list, one case per row (tests/red-team/*.cases.ts): each bad input or fault is
// run through the documented command on a project copy; a refusal must exit 1 with a Vietnamese
// message naming file:line or sheet and cell, in bounded time and memory, and leave content/ and
// dist/ byte for byte as they were; an accepted case must do exactly the right thing.
//
// Each *.cases.ts has a test file of its own beside it (build.test.ts runs build.cases.ts, ...) that
// calls runRedTeam: in one file the list took 250 s on one of `npm test`'s two workers while the
// other had finished (tests/sequencer.ts); as several files the two workers share it.
import { afterAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CRASH, cleanup, digestDiff, redTeamCopy, runNpm, treeDigest, type RedTeamCase } from './harness';

/** Every *.cases.ts must be run by a test file: one without its .test.ts would be silently skipped. */
function checkEveryListRuns(): void {
  const names = readdirSync('tests/red-team');
  const unrun = names.filter((n) => n.endsWith('.cases.ts') && !names.some((t) => t.endsWith('.test.ts') && t.startsWith(n.replace(/\.cases\.ts$/, '.'))));
  if (unrun.length) throw new Error(`tests/red-team: no test file runs ${unrun.join(', ')} (add <name>.test.ts calling runRedTeam)`);
}

/** The red-team cases of one list, one test each, and a closing tally of how they were handled. */
export function runRedTeam(cases: RedTeamCase[]): void {
  checkEveryListRuns();
  const tally = { cases: 0, refused: 0, accepted: 0, mishandled: 0 };

  describe('red team: hostile input and faults', () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      tally.cases += 1;
      const dir = redTeamCopy('soket-redteam-', c.command === 'build');
      try {
        const args = (await c.setup(dir)) ?? [];
        const contentBefore = treeDigest(join(dir, 'content'));
        const distBefore = treeDigest(join(dir, 'dist'));
        // A whole build takes 5–10 s alone; the bound is there to catch a hang, not to time Astro.
        const limit = c.seconds ?? (c.command === 'build' ? 90 : 20);
        const out = runNpm(dir, c.command, args, limit);
        const text = `${out.stdout}\n${out.stderr}`;
        try {
          expect(out.signal, `killed after ${out.seconds.toFixed(1)} s:\n${text.slice(-2000)}`).toBeNull();
          expect(out.seconds).toBeLessThan(limit);
          expect(out.peakMb).toBeLessThan(1024);
          expect(text).not.toMatch(CRASH);
          if (c.message) expect(text).toMatch(c.message);
          if (c.where) expect(text).toMatch(c.where);
          if (c.outcome === 'refused') {
            expect(out.status, text).toBe(1);
            expect(digestDiff(contentBefore, treeDigest(join(dir, 'content')))).toEqual([]);
            expect(digestDiff(distBefore, treeDigest(join(dir, 'dist')))).toEqual([]);
            tally.refused += 1;
          } else {
            expect(out.status, text).toBe(0);
            c.after?.(dir, text);
            tally.accepted += 1;
          }
        } catch (error) {
          tally.mishandled += 1;
          throw error;
        }
      } finally {
        cleanup(dir);
      }
    }, 240_000); // each case bounds its own command (20 s, a build 90 s); vitest's limit must not cut it first
  });

  afterAll(() => {
    if (tally.cases > 0) console.log(`Red team: ${tally.cases} cases, ${tally.refused} refused with a clear message, ${tally.accepted} accepted correctly, ${tally.mishandled} mishandled.`);
  });
}
