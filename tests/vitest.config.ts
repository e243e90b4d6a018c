import { configDefaults, defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import LongestFirstSequencer from './sequencer.ts';

/** Tests that run real nginx (a Debian package): `npm run test:nginx`, not `npm test` (tests/vitest.nginx.config.ts). */
export const NGINX_TESTS = ['tests/deploy.test.ts'];
/** The benchmark's test (Starlight from npm, Hugo from apt-get, minutes long): `npm run test:bench` (tests/vitest.bench.config.ts). */
export const BENCH_TESTS = ['tests/bench/**'];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    // `npm test` needs nothing but Node and npm: the nginx tests have their own command.
    exclude: [...configDefaults.exclude, ...NGINX_TESTS, ...BENCH_TESTS],
    reporters: ['default', './tests/summary-reporter.ts'],
    // Browser tests start one Chromium each; keep the 2-core CI machine from thrashing.
    fileParallelism: true,
    maxWorkers: 2,
    // The longest files first, also on a fresh clone, which has no timings of its own: the two
    // workers then end together (tests/sequencer.ts, tests/file-durations.ts).
    sequence: { sequencer: LongestFirstSequencer },
    // The red-team harness lets a build run 90 s (tests/red-team/run-cases.ts); a whole site build takes
    // 20-30 s alone and more beside the browser tests on two cores, so a test may take that long too.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
