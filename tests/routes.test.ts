// Every address of the site comes from src/lib/site/routes.ts: each route leads to a file the build
// wrote, and no page, component or layout writes an internal address by hand.
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from './helpers/source-files';
import { routes } from '../src/lib/site/routes';
import { loadEdition } from '../src/lib/edition/load';

/** The downloads that cover every unit are named after the edition's scope. */
const ALL_UNITS = loadEdition().organisation.scope.slug;
import { registerListSlug } from '../src/lib/citations/citation-register';

const DIST = 'dist';
const firstId = (dir: string, ext: RegExp) => readdirSync(dir).filter((n) => ext.test(n) && !n.startsWith('.')).sort()[0]!.replace(ext, '');
const unit = firstId('content/don-vi', /\.yaml$/);
const indicator = firstId('content/chi-tieu', /\.yaml$/);
const programme = firstId('content/chuong-trinh', /\.mdx$/);
const document = firstId('content/van-ban', /\.mdx$/);

/** The file in dist/ that serves an address (its fragment and query left out). */
function servedFile(address: string): string {
  const path = address.replace(/[#?].*$/, '');
  return join(DIST, path.endsWith('/') ? `${path}index.html` : path);
}

describe('routes', () => {
  test('addresses are root-relative, pages end in "/", anchors and the chosen unit are kept', () => {
    expect(routes.document('ke-hoach-so-ket', 'gui-bao-cao')).toBe('/van-ban/ke-hoach-so-ket/#gui-bao-cao');
    expect(routes.home('moc-thoi-gian')).toBe('/#moc-thoi-gian');
    expect(routes.formCheck('bien-hoa')).toBe('/kiem-tra-bieu-mau/?don-vi=bien-hoa');
    expect(routes.calendar()).toBe('/lich/toan-bo.ics');
    expect(routes.form(ALL_UNITS, 'csv')).toBe(`/tai-ve/bieu-mau/${ALL_UNITS}.csv`);
    expect(routes.reporting(`thieu-${unit}`)).toBe(`/tinh-hinh-bao-cao/#thieu-${unit}`);
  });

  // One call of every route, with ids of the committed content: each must be a file of the build.
  const addresses: [string, string][] = [
    ['home', routes.home()], ['search', routes.search()],
    ['documents', routes.documents()], ['document', routes.document(document, 'x')],
    ['programmes', routes.programmes()], ['programme', routes.programme(programme)],
    ['citationRegister', routes.citationRegister('x')],
    ['indicators', routes.indicators()], ['indicator', routes.indicator(indicator)],
    ['indicatorSummaryCsv', routes.indicatorSummaryCsv(indicator)], ['indicatorRowsCsv', routes.indicatorRowsCsv(indicator)],
    ['allRowsCsv', routes.allRowsCsv()], ['dataPackage', routes.dataPackage()],
    ['units', routes.units()], ['unit', routes.unit(unit)], ['unitRowsCsv', routes.unitRowsCsv(unit)],
    ['reporting', routes.reporting()], ['reportingMissingCsv', routes.reportingMissingCsv()],
    ['progress', routes.progress('cach-danh-gia')],
    ['notices', routes.notices()], ['feed', routes.feed()],
    ['formCheck', routes.formCheck(unit)], ['formCheckData', routes.formCheckData()],
    ['calendar', routes.calendar()], ['calendar (unit)', routes.calendar(unit)],
    ['outlineTemplate', routes.outlineTemplate()],
    ['draftReport', routes.draftReport(unit)], ['draftReport (all units)', routes.draftReport(ALL_UNITS)],
    ['form', routes.form(unit, 'xlsx')], ['form (all units, csv)', routes.form(ALL_UNITS, 'csv')],
    ['offline', routes.offline()], ['serviceWorker', routes.serviceWorker()], ['webManifest', routes.webManifest()], ['appIcon', routes.appIcon('app-512')],
  ];

  test('every route is exercised here', () => {
    const covered = new Set(addresses.map(([name]) => name.split(' ')[0]));
    // Routes whose files depend on which documents cite what are checked below on a real row.
    for (const name of Object.keys(routes)) if (!['programmeCitations', 'citationList', 'chartImages', 'shareImages'].includes(name)) expect(covered, name).toContain(name);
  });

  test.each(addresses)('%s: %s is a file of the built site', (_name, address) => {
    expect(existsSync(servedFile(address)), servedFile(address)).toBe(true);
  });

  // These lists exist only for a document cited more than 20 times (none in this edition; the
  // scale test builds them), so they are matched against the page files that generate them.
  test('the citation lists and the chart images match the page files that write them', () => {
    const pagePatterns = sources('src/pages').map((file) => {
      const route = file.replace(/^src\/pages/, '').replace(/\.(astro|ts)$/, '').replace(/\/index$/, '/');
      const pattern = route
        .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
        .map((part) => (part.startsWith('[...') ? '(?:[^#?]*)' : part.startsWith('[') ? '[^/#?]+' : part.replace(/[.]/g, '\\.')))
        .join('');
      return new RegExp(`^${pattern}${file.endsWith('.astro') && !route.endsWith('/') ? '/?' : ''}$`);
    });
    const written = (address: string) => pagePatterns.some((pattern) => pattern.test(address));
    expect(written(routes.citationList(registerListSlug('vb-2494-ctr-tld-2018')))).toBe(true);
    expect(written(routes.programmeCitations(programme))).toBe(true);
    expect(written(`${routes.chartImages()}${indicator}-theo-nam.png`)).toBe(true);
    // The matcher itself: an address no page writes is not matched.
    expect(written('/khong-co-trang-nay/x/')).toBe(false);
    expect(written(routes.unit(unit))).toBe(true);
  });
});

/** Every source file of a folder, recursively. */
const sources = (dir: string) => filesUnder(dir, /\.(astro|ts)$/);

/** Static files of public/, which are served at their own address and are not routes. */
const ASSETS = new Set(['/favicon.svg']);

describe('no hand-written internal address', () => {
  // A quoted, backquoted or attribute string that starts with "/" and a letter, "#" or "?", or is "/".
  const ADDRESS = /(?<![\w.])(["'`])(\/(?:[a-z#?][^"'`\s]*)?)\1?/g;

  test('the scan recognises an address however it is written', () => {
    const found = (line: string) => [...line.matchAll(ADDRESS)].map((m) => m[2]);
    expect(found('<a href="/don-vi/">')).toEqual(['/don-vi/']);
    expect(found("breadcrumb={[{ href: '/' }]}")).toEqual(['/']);
    expect(found('<a href={`/chi-tieu/${id}/`}>')).toEqual(['/chi-tieu/${id}/']);
    expect(found('<a href={routes.unit(id)}>')).toEqual([]);
  });

  test('in pages, components and layouts: every link is built by src/lib/site/routes.ts', () => {
    const found: string[] = [];
    for (const path of [...sources('src/pages'), ...sources('src/components'), ...sources('src/layouts')]) {
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(import|\/\/|\*|\/\*\*)/.test(line)) return;
        for (const m of line.matchAll(ADDRESS)) if (!ASSETS.has(m[2]!)) found.push(`${path}:${i + 1}: ${m[2]}`);
      });
    }
    expect(found).toEqual([]);
  });

  test('in src/lib and the Markdown plugins: no route prefix outside routes.ts', () => {
    const PREFIX = /(["'`])\/(van-ban|van-ban-dan-chieu|chuong-trinh|chi-tieu|don-vi|tinh-hinh-bao-cao|kiem-tra-bieu-mau|tim-kiem|lich|tai-ve|so-lieu)\//g;
    const found: string[] = [];
    for (const path of [...sources('src/lib'), ...sources('src/plugins'), ...sources('src/data')]) {
      // routes.ts builds them; the rule catalogue only describes links in its Vietnamese text.
      if (path.endsWith(join('site', 'routes.ts')) || path.endsWith(join('problems', 'rules.ts'))) continue;
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*\*)/.test(line)) return;
        if (PREFIX.test(line)) found.push(`${path}:${i + 1}: ${line.trim()}`);
        PREFIX.lastIndex = 0;
      });
    }
    expect(found).toEqual([]);
  });
});
