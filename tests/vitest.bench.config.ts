// `npm run test:bench`: the benchmark's own test (tests/bench/), which runs `npm run bench` at a tiny
// size with Starlight and Hugo; minutes long and needing npm and apt-get, so not in `npm test`.
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({ ...base, test: { ...base.test, include: ['tests/bench/**/*.test.ts'], exclude: configDefaults.exclude, testTimeout: 1_000_000 } });
