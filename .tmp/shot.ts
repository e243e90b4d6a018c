// usage: node /tmp/shot.ts <dist> <path> <width> <out.png> [fullPage]
import { launchBrowser, openPage } from '../tests/helpers/browser.ts';
import { serveDist } from '../tests/helpers/static-server.ts';
const [dist, path, width, out, full] = process.argv.slice(2);
const server = await serveDist(dist);
const browser = await launchBrowser();
const { page, errors } = await openPage(browser, { width: Number(width) });
await page.goto(server.origin + path);
const metrics = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
console.log(JSON.stringify(metrics), errors);
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close(); await server.close();
