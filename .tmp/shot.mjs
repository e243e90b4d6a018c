// usage: node .tmp/shot.mjs <dist> <path> <width> <out.png> [full]
import { chromium } from 'playwright-core';
import sparticuz from '@sparticuz/chromium';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
const [dist, path, width, out, full] = process.argv.slice(2);
const root = resolve(dist);
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  let f = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
  if (!existsSync(f)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': types[extname(f)] ?? 'application/octet-stream' }).end(readFileSync(f));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || (await sparticuz.executablePath()), args: sparticuz.args.filter((a) => a !== '--single-process') });
const page = await (await browser.newContext({ viewport: { width: Number(width), height: 740 }, locale: 'vi-VN' })).newPage();
const errors = []; page.on('pageerror', (e) => errors.push(e.message)); page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto(`http://127.0.0.1:${server.address().port}${path}`);
await page.waitForTimeout(300);
console.log(JSON.stringify(await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }))), errors);
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close(); server.close();
