// `npm run dev` as the README writes it, in a project copy, opened in Chromium: the pages load their
// scripts from Vite, and the service worker's registration (src/scripts/offline.ts) stays quiet,
// since only `npm run build` writes sw.js: nothing is registered and /sw.js is never asked for.
// The flag it reads comes from Astro's command (src/integrations/site-files.ts); the build's side,
// the registration in every built page, is tested in tests/offline.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import type { AstroIntegration } from 'astro';
import siteFiles, { SERVICE_WORKER_FLAG } from '../src/integrations/site-files';
import { launchBrowser, openPage } from './helpers/browser';
import { copyProject } from './helpers/project-copy';

let dir = '';
let dev: ChildProcess | undefined;
let origin = '';
let log = '';

const freePort = () => new Promise<number>((resolve, reject) => {
  const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    server.close(() => resolve(port));
  });
});

beforeAll(async () => {
  dir = copyProject('soket-dev-');
  const port = await freePort();
  // As a person runs it: without what vitest sets (NODE_ENV=test, VITEST…), under which Vite's
  // dev server holds the first page forever.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !/^(VITEST|TINYPOOL)/.test(name)));
  Object.assign(env, { FORCE_COLOR: '0', NO_COLOR: '1' });
  // Its own process group, so that npm, Astro and Vite end together.
  dev = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  dev.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 170_000;
  while (Date.now() < deadline) {
    if (dev.exitCode !== null) break;
    try {
      // The page itself: Astro's routes answer a moment after the server listens (a 404 before),
      // and the first one waits for Vite's dependency bundling.
      if ((await fetch(`${origin}/van-ban/`, { signal: AbortSignal.timeout(30_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm run dev did not answer:\n${log.slice(-3000)}`);
}, 180_000);

afterAll(() => {
  if (dev?.pid && dev.exitCode === null) {
    try {
      process.kill(-dev.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  test('a page loads the registration script, which registers nothing and never asks for /sw.js', async () => {
    const browser = await launchBrowser();
    try {
      const { page, requests, errors } = await openPage(browser, { serviceWorker: true });
      // Every call of register() is counted (a failing one leaves no registration to find), and the
      // browser's own requests (a worker's script) are seen at the context.
      await page.addInitScript(() => {
        const w = window as unknown as { __registerCalls: string[] };
        w.__registerCalls = [];
        const original = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof original>) {
          w.__registerCalls.push(String(args[0]));
          return original.apply(this, args);
        };
      });
      const contextRequests: string[] = [];
      page.context().on('request', (request) => contextRequests.push(request.url()));
      await page.goto(`${origin}/van-ban/`, { waitUntil: 'load', timeout: 60_000 });
      // The registration would start at 'load'; give it time to ask.
      await page.waitForTimeout(2000);
      expect(requests.some((url) => url.endsWith('/src/scripts/offline.ts')), `${requests.join('\n')}\n${errors.join('\n')}\n${(await page.content()).slice(0, 3000)}`).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __registerCalls: string[] }).__registerCalls)).toEqual([]);
      expect([...requests, ...contextRequests].filter((url) => /\/sw\.js(\?|$)/.test(url))).toEqual([]);
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
      expect(await page.evaluate(() => document.documentElement.dataset.offlineReady ?? null)).toBeNull();
      expect(await page.locator('h1').first().textContent()).toBeTruthy();
      // The flag as Vite serves it under dev.
      const code = await (await fetch(`${origin}/src/scripts/offline.ts`)).text();
      expect(code).toContain('"SOKET_SERVICE_WORKER": false');
      expect(code).toContain('if (import.meta.env.SOKET_SERVICE_WORKER && "serviceWorker" in navigator)');
    } finally {
      await browser.close();
    }
  }, 90_000);

  test('the flag is Astro\'s command: true for a build, false for dev, whatever NODE_ENV says', () => {
    const setup = siteFiles().hooks['astro:config:setup']! as (o: unknown) => void;
    const defined = (command: string) => {
      let define: Record<string, string> | undefined;
      setup({ command, updateConfig: (c: { vite: { define: Record<string, string> } }) => (define = c.vite.define) } as unknown as Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]);
      return define;
    };
    expect(SERVICE_WORKER_FLAG).toBe('import.meta.env.SOKET_SERVICE_WORKER');
    expect(defined('build')).toEqual({ [SERVICE_WORKER_FLAG]: 'true' });
    expect(defined('dev')).toEqual({ [SERVICE_WORKER_FLAG]: 'false' });
    expect(process.env.NODE_ENV).toBe('test');
  });
});
