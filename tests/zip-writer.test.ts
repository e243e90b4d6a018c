// The site's own zip writer (src/lib/report-kit/zip-writer.ts), which packs the Word drafts, the
// Excel forms and the data package, and the reader of the stored zips ExcelJS writes for it
// (storedParts, src/lib/report-kit/zip-reader.ts).
import { describe, expect, test } from 'vitest';
import JSZip from 'jszip';
import { zipPackage } from '../src/lib/report-kit/zip-writer';
import { entryText, storedParts, zipEntries } from '../src/lib/report-kit/zip-reader';
import { TINY_PNG } from './helpers/tiny-png';
import { pythonZipTest } from './helpers/python-zip';

const files = () =>
  new Map<string, string | Uint8Array>([
    ['xl/workbook.xml', '<workbook>Liên đoàn Lao động</workbook>'],
    ['[Content_Types].xml', '<Types/>'],
    ['xl/media/image1.png', TINY_PNG],
  ]);

describe('zipPackage', () => {
  test('the same files give the same bytes: every entry dated 1 January 1980, [Content_Types].xml first', async () => {
    const first = zipPackage(files());
    expect(zipPackage(files()).equals(first)).toBe(true);
    expect(first.subarray(30, 30 + '[Content_Types].xml'.length).toString()).toBe('[Content_Types].xml');
    const zip = await JSZip.loadAsync(first);
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'xl/media/image1.png']);
    // Zip times have no zone; JSZip reads them as UTC.
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString(), entry.name).toBe('1980-01-01T00:00:00.000Z');
    expect(await zip.file('xl/workbook.xml')!.async('string')).toBe('<workbook>Liên đoàn Lao động</workbook>');
    expect(Buffer.from(await zip.file('xl/media/image1.png')!.async('uint8array')).equals(TINY_PNG)).toBe(true);
  });

  test('XML is deflated, images stored as they are; the site\'s own bounded reader and Python\'s zipfile read it', async () => {
    const bytes = new Uint8Array(zipPackage(files()));
    const entries = zipEntries(bytes);
    expect(entries.get('xl/workbook.xml')!.method).toBe(8);
    expect(entries.get('xl/media/image1.png')!.method).toBe(0);
    expect(await entryText(bytes, entries.get('xl/workbook.xml')!, 1024)).toBe('<workbook>Liên đoàn Lao động</workbook>');
    const check = pythonZipTest(bytes, 'x.zip');
    expect(check.status, check.stderr).toBe(0);
  });

  test('a text part holding characters XML forbids is written well-formed (U+FFFD in their place)', async () => {
    const zip = await JSZip.loadAsync(zipPackage(new Map([['a.xml', '<a>x\uFFFEy\uD800z</a>']])));
    expect(await zip.file('a.xml')!.async('string')).toBe('<a>x\uFFFDy\uFFFDz</a>');
  });
});

describe('storedParts', () => {
  test('the parts of a stored zip by name, folders left out; a deflated part is refused', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('docProps/app.xml', '<Properties/>');
    const stored = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    // JSZip adds the folders (xl/, docProps/) as entries of their own.
    expect(Object.keys(zip.files)).toContain('xl/');
    const parts = storedParts(stored);
    expect([...parts.keys()].sort()).toEqual(['docProps/app.xml', 'xl/workbook.xml']);
    expect(new TextDecoder().decode(parts.get('xl/workbook.xml'))).toBe('<workbook/>');
    const deflated = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(() => storedParts(deflated)).toThrow(/phần đã nén, cần phần lưu nguyên/);
  });
});
