// `npm run deploy:nginx`: writes the nginx header snippets (deploy/snippets/congdoan-soket/headers-*.conf)
// from src/lib/site/http-headers.ts, the source dist/_headers is rendered from too. Run it after changing
// a header or the Content-Security-Policy; tests/http-headers.test.ts fails until it has been run.
// Each file is written beside its target under a temporary name, fsynced and renamed over it, so a
// crash leaves either the old snippet or the new one, never half of one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../src/lib/fs/write-atomic.ts';
import { NGINX_SNIPPETS, nginxHeadersSnippet, type CachePolicy } from '../src/lib/site/http-headers.ts';

const root = process.argv[2] ?? process.cwd();

const current = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

try {
  for (const [policy, rel] of Object.entries(NGINX_SNIPPETS) as [CachePolicy, string][]) {
    const path = join(root, rel);
    const text = nginxHeadersSnippet(policy);
    if (current(path) === text) {
      console.log(`${rel}: không đổi.`);
      continue;
    }
    writeFileAtomic(path, text, { syncDir: true });
    console.log(`${rel}: đã ghi.`);
  }
} catch (error) {
  const { code, path, message } = error as NodeJS.ErrnoException;
  console.error(code ? `Không ghi được ${path ?? 'tệp cấu hình nginx'} (mã lỗi hệ thống ${code}).` : message);
  process.exit(1);
}
