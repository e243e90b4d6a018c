// `npm run test:nginx`: the tests that serve the built site with real nginx and its brotli_static
// module, Debian packages that `npm test` does not need (README, "Cài đặt và chạy").
import { configDefaults, defineConfig } from 'vitest/config';
import base, { NGINX_TESTS } from './vitest.config.ts';

export default defineConfig({ ...base, test: { ...base.test, include: NGINX_TESTS, exclude: configDefaults.exclude } });
