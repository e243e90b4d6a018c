// One source for the headers (src/lib/site/http-headers.ts): dist/_headers and the nginx snippets in
// deploy/ are rendered from it and must say the same thing. tests/deploy.test.ts then checks that
// real nginx sends, path by path, what dist/_headers asks a static host to send.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSP_HEADER } from '../src/lib/site/csp';
import { CACHE_CONTROL, IMMUTABLE_PREFIXES, REVALIDATE_PATHS, NGINX_SNIPPETS, SECURITY_HEADERS, headersFile, nginxHeadersSnippet, nginxString, type CachePolicy } from '../src/lib/site/http-headers';
import { headersForPath, parseHeadersFile } from './helpers/headers-file';

const DIST = process.env.DIST_DIR ?? 'dist';
const read = (path: string) => readFileSync(path, 'utf8');

/** The add_header lines of an nginx snippet as [name, value]. */
const nginxHeaders = (text: string) =>
  [...text.matchAll(/^add_header (\S+) "((?:[^"\\]|\\.)*)" always;$/gm)].map((m) => [m[1]!, m[2]!.replace(/\\(.)/g, '$1')]);

describe('dist/_headers and the nginx snippets come from src/lib/site/http-headers.ts', () => {
  test('the built _headers is the rendered one', () => {
    expect(read(join(DIST, '_headers'))).toBe(headersFile());
  });

  test.each(Object.entries(NGINX_SNIPPETS))('%s snippet in deploy/ is up to date (else: npm run deploy:nginx)', (policy, path) => {
    expect(read(path), `${path} is stale: run npm run deploy:nginx`).toBe(nginxHeadersSnippet(policy as CachePolicy));
  });

  test('read back, each snippet sends the security headers of _headers plus its Cache-Control, nothing else', () => {
    const rules = parseHeadersFile(read(join(DIST, '_headers')));
    const everywhere = [...headersForPath(rules, '/van-ban/ke-hoach-so-ket/')];
    expect(everywhere).toEqual(SECURITY_HEADERS.map(([name, value]) => [name.toLowerCase(), value]));
    for (const [policy, path] of Object.entries(NGINX_SNIPPETS) as [CachePolicy, string][]) {
      const lines = nginxHeaders(read(path));
      expect(lines.length, `${path}: every add_header line read`).toBe(read(path).split('\n').filter((l) => l.startsWith('add_header')).length);
      expect(lines).toEqual([...SECURITY_HEADERS, ['Cache-Control', CACHE_CONTROL[policy]]]);
    }
    for (const prefix of IMMUTABLE_PREFIXES) expect(headersForPath(rules, `${prefix}x.y`).get('cache-control'), prefix).toBe(CACHE_CONTROL.immutable);
    // The service worker and the manifest are asked for again every time, whatever the host's default.
    for (const path of REVALIDATE_PATHS) expect(headersForPath(rules, path).get('cache-control'), path).toBe(CACHE_CONTROL.revalidate);
    expect(headersForPath(rules, '/index.html').has('cache-control')).toBe(false);
  });

  test('the policy is the one in every page\'s <meta> plus frame-ancestors, with HSTS', () => {
    expect(read(join(DIST, '_headers'))).toContain(`Content-Security-Policy: ${CSP_HEADER}\n`);
    expect(read(join(DIST, '_headers'))).toContain('Strict-Transport-Security: max-age=31536000\n');
  });

  test('a header value nginx would read as a variable is refused', () => {
    // nginx has no escape for $ in a string; the renderer must not write one silently.
    expect(() => nginxString('max-age=$x')).toThrow(/ký tự \$/);
    expect(nginxString('a "b" \\c')).toBe('"a \\"b\\" \\\\c"');
  });
});

describe('deploy/: every response gets its headers from one snippet', () => {
  // In nginx one add_header inside a block drops all those inherited from outside it; a location
  // that set its own would lose the CSP. So: no add_header outside the generated snippets, and every
  // location that serves files includes exactly one of them.
  const site = read('deploy/snippets/congdoan-soket/site.conf');
  const code = (text: string) => text.replace(/#.*$/gm, '');

  test('no add_header in the hand-written files', () => {
    for (const path of ['deploy/snippets/congdoan-soket/site.conf', 'deploy/nginx.conf', 'deploy/container.conf']) {
      expect(code(read(path)), path).not.toMatch(/\badd_header\b/);
    }
  });

  test('each location of site.conf includes one headers snippet, or only returns 404', () => {
    const locations = [...code(site).matchAll(/location\s+([^{]+)\{([^}]*)\}/g)].map((m) => [m[1]!.trim(), m[2]!.trim()]);
    expect(locations.length).toBeGreaterThanOrEqual(5);
    for (const [where, body] of locations) {
      const includes = body.match(/include snippets\/congdoan-soket\/headers-(immutable|revalidate)\.conf;/g) ?? [];
      if (body === 'return 404;') continue;
      expect(includes.length, `location ${where}`).toBe(1);
    }
  });

  test('the server files add nothing but where to listen and what to serve; the rules are site.conf', () => {
    for (const path of ['deploy/nginx.conf', 'deploy/container.conf']) {
      expect(code(read(path)).match(/include snippets\/congdoan-soket\/site\.conf;/g), path).toHaveLength(1);
      expect(code(read(path)), path).not.toMatch(/\b(types|gzip\w*|brotli\w*|error_page|expires)\b/);
    }
  });
});
