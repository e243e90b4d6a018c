import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
const base = new Uint8Array(readFileSync('/tmp/hostile/base.xlsx'));
const parts = unzipSync(base);
const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
const split = sheet.indexOf('</sheetData>');
const chunks: Uint8Array[] = [];
const zip = new Zip((e, d) => { if (e) throw e; chunks.push(d); });
const letters = 'ABCDEFGHIJKLMN'.split('');
for (const [name, data] of Object.entries(parts)) {
  if (name !== 'xl/worksheets/sheet1.xml') { const p = new ZipPassThrough(name); zip.add(p); p.push(data, true); continue; }
  const entry = new ZipDeflate(name, { level: 9 }); zip.add(entry);
  entry.push(strToU8(sheet.slice(0, split)));
  let batch = '';
  for (let r = 24; r <= 1048576; r++) { batch += `<row r="${r}" spans="1:14" s="15" customFormat="1">${letters.map((l) => `<c r="${l}${r}" s="15"/>`).join('')}</row>`; if (batch.length > 1 << 20) { entry.push(strToU8(batch)); batch = ''; } }
  entry.push(strToU8(batch)); entry.push(strToU8(sheet.slice(split)), true);
}
zip.end();
const total = chunks.reduce((n, c) => n + c.length, 0);
const out = new Uint8Array(total); let at = 0; for (const c of chunks) { out.set(c, at); at += c.length; }
writeFileSync('/tmp/hostile/bloated14.xlsx', out);
console.log(total);
