// /so-lieu/goi-du-lieu.zip (src/lib/views/data-package.ts): a Frictionless Data Package,
// checked by the Frictionless reference library for JavaScript (`datapackage`, the spec's own JSON
// Schema profiles) and read back with it, every value cast to its declared type; the published CSV
// files inside are the site's downloads byte for byte (less the BOM); the illustrative mark travels.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { createRequire } from 'node:module';
import { fieldsOf, PACKAGE_FIELDS, type PackageFileKind } from '../src/lib/views/data-package';
import { MISSING_CSV_COLUMNS } from '../src/lib/indicators/reporting';
const DIST = process.env.DIST_DIR ?? 'dist';

const { Package, validate } = createRequire(import.meta.url)('datapackage') as {
  Package: { load: (descriptor: object, options: { basePath: string; strict?: boolean }) => Promise<{ valid: boolean; errors: Error[]; resources: { name: string; read: (o: { keyed?: boolean; cast?: boolean }) => Promise<Record<string, unknown>[]>; headers: string[] | null }[] }> };
  validate: (descriptor: object) => Promise<{ valid: boolean; errors: Error[] }>;
};

const zip = await JSZip.loadAsync(readFileSync(join(DIST, 'so-lieu/goi-du-lieu.zip')));
const text = (path: string) => zip.file(path)!.async('string');
const descriptor = JSON.parse(await text('datapackage.json')) as { title: string; licenses: { name: string }[]; resources: { name: string; path: string; description: string; schema: { fields: { name: string; type: string }[] } }[] };

describe('the data package', () => {
  test('is valid against the Tabular Data Package profile, with a licence, sources and a schema for every file', async () => {
    const result = await validate(descriptor);
    expect(result.errors.map(String)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(descriptor.licenses[0]!.name).toBe('CC-BY-4.0');
    const paths = Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
    // Every file of the zip is described (but the descriptor and README), and every described file is there.
    expect(paths.filter((p) => p.endsWith('.csv')).sort()).toEqual(descriptor.resources.map((r) => r.path).sort());
    expect(paths).toContain('README.md');
  });

  test('every file\'s schema is its kind\'s entry in the one table of fields, names unique, every kind used', () => {
    const kindOf = (name: string): PackageFileKind =>
      name === 'toan-bo' || /-so-lieu(-goc)?$/.test(name) ? 'so-lieu' : name.endsWith('-tong-hop') ? 'tong-hop' : (name as PackageFileKind);
    const used = new Set<PackageFileKind>();
    for (const r of descriptor.resources) {
      const kind = kindOf(r.name);
      expect(Object.keys(PACKAGE_FIELDS), r.name).toContain(kind);
      used.add(kind);
      // The field objects as written into datapackage.json: name, type, title, then a description only where one is given.
      expect(JSON.stringify(r.schema.fields), r.name).toBe(JSON.stringify(fieldsOf(kind)));
    }
    expect([...used].sort()).toEqual(Object.keys(PACKAGE_FIELDS).sort());
    for (const kind of Object.keys(PACKAGE_FIELDS) as PackageFileKind[]) {
      const names = fieldsOf(kind).map((f) => f.name);
      expect(new Set(names).size, kind).toBe(names.length);
      for (const f of fieldsOf(kind)) expect(f.title, `${kind}.${f.name}`).toMatch(/\S/);
    }
    // The missing-figures file is the site's download: its columns are the download's.
    expect(fieldsOf('con-thieu').map((f) => f.name)).toEqual([...MISSING_CSV_COLUMNS]);
    expect(fieldsOf('muc-tieu').at(-1)).toEqual({ name: 'trang_thai', type: 'string', title: 'Trạng thái số liệu', description: '"Số liệu minh họa" hoặc "Chính thức"' });
    expect(fieldsOf('so-lieu')[0]).toEqual({ name: 'don_vi', type: 'string', title: 'Mã đơn vị' });
  });

  test('the validator is not vacuous: a field of an unknown type is refused', async () => {
    const broken = structuredClone(descriptor);
    broken.resources[0]!.schema.fields[0]!.type = 'so-nguyen';
    expect((await validate(broken)).valid).toBe(false);
  });

  test('every file reads back through the library with every value cast to its declared type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goi-du-lieu-'));
    try {
      for (const [path, entry] of Object.entries(zip.files)) {
        if (entry.dir) continue;
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), await entry.async('nodebuffer'));
      }
      const pkg = await Package.load(JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')), { basePath: dir, strict: true });
      expect(pkg.valid, pkg.errors.map(String).join('\n')).toBe(true);
      let rows = 0;
      for (const resource of pkg.resources) {
        const read = await resource.read({ keyed: true, cast: true });
        rows += read.length;
        const fields = descriptor.resources.find((r) => r.name === resource.name)!.schema.fields;
        expect(resource.headers, resource.name).toEqual(fields.map((f) => f.name));
        for (const row of read) {
          for (const f of fields) {
            const value = row[f.name];
            if (value === null) continue;
            if (f.type === 'integer') expect(Number.isInteger(value), `${resource.name}.${f.name}`).toBe(true);
          }
        }
      }
      // 648 result rows in toan-bo.csv, and as many again split by indicator and by unit.
      expect(rows).toBeGreaterThan(648 * 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the published CSV files are in it as the site serves them (without the BOM)', async () => {
    const pairs: [string, string][] = [
      ['du-lieu/toan-bo.csv', 'so-lieu/toan-bo.csv'],
      ['du-lieu/con-thieu.csv', 'tinh-hinh-bao-cao/con-thieu.csv'],
      ['du-lieu/chi-tieu/phat-trien-doan-vien-tong-hop.csv', 'chi-tieu/phat-trien-doan-vien/tong-hop.csv'],
      ['du-lieu/chi-tieu/ty-le-doanh-nghiep-doi-thoai-so-lieu-goc.csv', 'chi-tieu/ty-le-doanh-nghiep-doi-thoai/so-lieu-goc.csv'],
      ['du-lieu/don-vi/bien-hoa-so-lieu.csv', 'don-vi/bien-hoa/so-lieu.csv'],
    ];
    for (const [inZip, onSite] of pairs) expect(await text(inZip), inZip).toBe(readFileSync(join(DIST, onSite), 'utf8').replace(/^\ufeff/, ''));
  });

  test('the illustrative mark travels: title, README, every resource and every row of the targets and progress', async () => {
    expect(descriptor.title).toMatch(/SỐ LIỆU MINH HỌA/);
    expect(await text('README.md')).toMatch(/\*\*SỐ LIỆU MINH HỌA\.\*\*.*không phải số liệu chính thức/);
    for (const r of descriptor.resources.filter((x) => /so-lieu|tong-hop|toan-bo|muc-tieu|tien-do/.test(x.name))) expect(r.description, r.name).toMatch(/^SỐ LIỆU MINH HỌA/);
    for (const file of ['du-lieu/muc-tieu.csv', 'du-lieu/tien-do.csv']) {
      const lines = (await text(file)).trim().split('\r\n');
      expect(lines[0]!.split(',').at(-1)).toBe('trang_thai');
      for (const line of lines.slice(1)) expect(line.endsWith(',Số liệu minh họa'), `${file}: ${line}`).toBe(true);
    }
  });

  test('targets and progress agree with the pages: Biên Hòa, new members', async () => {
    expect(await text('du-lieu/muc-tieu.csv')).toContain('bien-hoa,phat-trien-doan-vien,nhiem-ky,18170,Số liệu minh họa');
    expect(await text('du-lieu/tien-do.csv')).toContain('bien-hoa,phat-trien-doan-vien,Chậm,10606,10902,97.3,,Số liệu minh họa');
    const metadata = await text('du-lieu/chi-tieu.csv');
    expect(metadata.split('\r\n')[0]).toContain('nguon_so_lieu,ky_bao_cao,co_quan_chiu_trach_nhiem,lien_he');
  });
});
