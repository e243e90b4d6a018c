// `npm run import:form` as the office runs it, in a project copy, against the faults an office
// meets: kills at every write, failing writes, a read-only file, a full disk, two imports at once,
// a lock left behind — and the line model that keeps other units' bytes untouched.
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { csvLine } from '../src/lib/indicators/csv-write';
import { parseResultsCsv } from '../src/lib/indicators/results-csv';
import { csvRecords } from '../src/lib/indicators/csv-records';
import { applyChanges, type Change } from '../src/lib/report-kit/import';
import { JOURNAL, LOCK } from '../src/lib/fs/transaction';
import { cleanup, digestDiff, redTeamCopy, runNpm, treeDigest } from './red-team/harness';
import { cellOf, editedCsv, editedForm } from './red-team/forms';

const RESULTS = 'content/so-lieu';
const copies: string[] = [];
const copy = () => {
  const dir = redTeamCopy('soket-import-');
  copies.push(dir);
  return dir;
};
afterAll(() => copies.forEach(cleanup));

const results = (dir: string) => treeDigest(join(dir, RESULTS));
const hidden = (dir: string) => readdirSync(join(dir, RESULTS)).filter((n) => n.startsWith('.'));

/** A Long Thành form with its 2019 and 2020 figures of the first count indicator changed: two files change. */
async function twoFileForm(dir: string): Promise<string> {
  return editedForm(dir, 'long-thanh', 'long-thanh.xlsx', (s, ds) => {
    const id = ds.indicators.find((i) => i.kind === 'count')!.id;
    for (const [period, value] of [['2019', 7001], ['2020', 7002]] as const) {
      const { row, col } = cellOf(ds, id, period);
      s.getCell(row, col).value = value;
    }
  });
}

describe('what the office sees before anything is written', () => {
  test('--xem-truoc prints the per-indicator table and writes nothing', async () => {
    const dir = copy();
    const form = await twoFileForm(dir);
    const before = results(dir);
    const out = runNpm(dir, 'import:form', [form, '--xem-truoc']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/\(mai-am-cong-doan\):\n\s+2019\s+sửa\s+\d+ → 7\.001\s+\[trang "Biểu mẫu", ô G\d+\]\n\s+2020\s+sửa\s+\d+ → 7\.002/);
    expect(out.stdout).toContain('Tổng: thêm 0, sửa 2, xoá 0; giữ nguyên 34 dòng');
    expect(out.stdout).toContain('Chạy thử (--xem-truoc): chưa ghi gì vào content/.');
    expect(digestDiff(before, results(dir))).toEqual([]);
  });

  test('a cleared figure is deleted only with --dong-y-xoa, and the table says XOÁ', async () => {
    const dir = copy();
    const form = await editedForm(dir, 'long-thanh', 'xoa.xlsx', (s, ds) => {
      const { row, col } = cellOf(ds, 'mai-am-cong-doan', '2018');
      s.getCell(row, col).value = null;
    });
    const refused = runNpm(dir, 'import:form', [form]);
    expect(refused.status).toBe(1);
    expect(readFileSync(join(dir, RESULTS, '2018.csv'), 'utf8')).toMatch(/^long-thanh,2018,mai-am-cong-doan,/m);
    const out = runNpm(dir, 'import:form', [form, '--dong-y-xoa']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/2018\s+XOÁ\s+\d+ → trống \(chưa báo cáo\)/);
    expect(out.stdout).toContain('Tổng: thêm 0, sửa 0, xoá 1');
    expect(readFileSync(join(dir, RESULTS, '2018.csv'), 'utf8')).not.toMatch(/^long-thanh,2018,mai-am-cong-doan,/m);
  });

  test('a figure the unit left as downloaded does not undo a newer figure on the site', async () => {
    const dir = copy();
    const form = await twoFileForm(dir); // downloaded now: 2018 prefilled with today's figure
    // Meanwhile the office corrects Long Thành's 2018 figure from a CSV.
    const fix = editedCsv(dir, 'long-thanh', 'sua.csv', (lines) => lines.map((l) => (l.startsWith('long-thanh,2018,mai-am-cong-doan,') ? 'long-thanh,2018,mai-am-cong-doan,99,,,' : l)));
    expect(runNpm(dir, 'import:form', [fix]).status).toBe(0);
    const out = runNpm(dir, 'import:form', [form]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Giữ số liệu mới hơn của trang ở mai-am-cong-doan, 2018/);
    expect(readFileSync(join(dir, RESULTS, '2018.csv'), 'utf8')).toMatch(/^long-thanh,2018,mai-am-cong-doan,99,,,\r$/m);
    expect(readFileSync(join(dir, RESULTS, '2020.csv'), 'utf8')).toMatch(/^long-thanh,2020,mai-am-cong-doan,7002,,,\r$/m);
  });
});

describe('one line model: importing one unit never changes a byte of another unit\'s lines', () => {
  const units = ['a', 'b', 'c'];
  const ids = ['x', 'y'];
  const context = { unitIds: new Set(units), indicatorKinds: new Map(ids.map((i) => [i, 'count' as const])), term: { from: 2018, to: 2020 } };
  const note = fc.array(fc.constantFrom('a', 'đ', '\r', '\n', '\r\n', ',', '"', ';', ' '), { maxLength: 6 }).map((parts) => parts.join(''));
  const record = fc.record({ unit: fc.constantFrom(...units), period: fc.constantFrom('2018', '2019', '2020'), indicator: fc.constantFrom(...ids), value: fc.nat(9999), note });

  test('property: random notes with CR, LF and CRLF, random changes to unit a', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(record, { selector: (r) => `${r.unit}|${r.period}|${r.indicator}`, minLength: 1, maxLength: 14 }),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        fc.array(fc.tuple(fc.constantFrom('2018', '2019', '2020'), fc.constantFrom(...ids), fc.constantFrom('update', 'delete', 'add'), fc.nat(9999), note), { maxLength: 6 }),
        (rows, eol, bom, wanted) => {
          // The file, and the line each record starts on, counted independently of the parser.
          let text = `${bom ? '\ufeff' : ''}don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu${eol}`;
          const startLine = new Map<string, number>();
          for (const r of rows) {
            startLine.set(`${r.unit}|${r.period}|${r.indicator}`, 1 + (text.match(/\r\n|\n|\r/g)?.length ?? 0));
            text += csvLine([r.unit, r.period, r.indicator, r.value, '', '', r.note], { neutralise: false }) + eol;
          }
          // The validator's line numbers are the same lines.
          const parsed = parseResultsCsv('t.csv', text, context);
          expect(parsed.problems).toEqual([]);
          for (const row of parsed.rows) expect(row.line).toBe(startLine.get(`${row.unit}|${row.period}|${row.indicator}`));

          const existing = new Map(parsed.rows.map((r) => [`${r.unit}|${r.period}|${r.indicator}`, r]));
          const changes: Change[] = [];
          const seen = new Set<string>();
          for (const [period, indicator, action, value, n] of wanted) {
            const key = `a|${period}|${indicator}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const before = existing.get(key);
            const after = { unit: 'a', period, indicator, value, note: n, file: 'f', line: 0 };
            if (before) changes.push(action === 'delete' ? { action, period, indicator, before, where: '' } : { action: 'update', period, indicator, before, after, where: '' });
            else if (action !== 'delete') changes.push({ action: 'add', period, indicator, after, where: '' });
          }
          const bytes = new TextEncoder().encode(text);
          const [merged, ...merged2] = applyChanges([{ path: 'content/so-lieu/2019.csv', bytes }], 'a', changes, 'content/so-lieu');
          const others = (b: Uint8Array) => csvRecords(b, ',').filter((r) => r.cells[0] !== 'a').map((r) => Buffer.from(b.subarray(r.start, r.end)).toString('latin1'));
          expect(others(merged!.bytes)).toEqual(others(bytes));
          // And unit a's lines are exactly what was asked.
          const after = parseResultsCsv('t.csv', new TextDecoder().decode(merged!.bytes), context);
          expect(after.problems).toEqual([]);
          // A period the file does not hold goes to a new file of its own.
          const added = merged2.flatMap((f) => parseResultsCsv('n.csv', new TextDecoder().decode(f.bytes), context).rows);
          const mine = new Map([...after.rows, ...added].filter((r) => r.unit === 'a').map((r) => [`${r.period}|${r.indicator}`, [r.value, r.note]]));
          const expected = new Map([...existing.values()].filter((r) => r.unit === 'a').map((r) => [`${r.period}|${r.indicator}`, [r.value, r.note]]));
          for (const c of changes) {
            if (c.action === 'delete') expected.delete(`${c.period}|${c.indicator}`);
            else expected.set(`${c.period}|${c.indicator}`, [c.after!.value, c.after!.note.trim()]); // cells are read trimmed
          }
          expect(mine).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('the issue\'s reproduction: a note with a line break, then two more imports, leaves every other unit byte-identical', () => {
    const dir = copy();
    const original = new Map(['2018.csv', '2019.csv', '2020.csv', 'nk-truoc.csv'].map((n) => [n, readFileSync(join(dir, RESULTS, n), 'utf8')]));
    const setNote = (unit: string, note: string, value: number) =>
      editedCsv(dir, unit, `${unit}.csv`, (lines) => lines.map((l) => (l.startsWith(`${unit},2019,mai-am-cong-doan,`) ? csvLine([unit, '2019', 'mai-am-cong-doan', value, '', '', note], { neutralise: false }) : l)));
    for (const [unit, note, value] of [['bien-hoa', 'Excel\r\nAlt+Enter', 11], ['long-khanh', 'ghi chú', 12], ['long-thanh', 'dòng 1\r\ndòng 2\r\ndòng 3', 13]] as const) {
      const out = runNpm(dir, 'import:form', [setNote(unit, note, value)]);
      expect(out.status, out.stderr).toBe(0);
    }
    for (const [name, text] of original) {
      const now = readFileSync(join(dir, RESULTS, name), 'utf8');
      const keep = (t: string) => csvRecords(new TextEncoder().encode(t), ',').map((r) => r.cells).filter((c) => !['bien-hoa', 'long-khanh', 'long-thanh'].includes(c[0]!) || c[1] !== '2019' || c[2] !== 'mai-am-cong-doan');
      expect(keep(now), name).toEqual(keep(text));
    }
    expect(readFileSync(join(dir, RESULTS, '2019.csv'), 'utf8')).toContain('long-thanh,2019,mai-am-cong-doan,13,,,"dòng 1\r\ndòng 2\r\ndòng 3"\r\n');
    expect(runNpm(dir, 'check:data').status).toBe(0);
  });
});

describe('all files or none, whatever happens to the process or the disk', () => {
  test('killed before each change to the disk: old files, or (after --hoan-tat) new files, byte for byte', async () => {
    const model = copy();
    const form = await twoFileForm(model);
    const old = results(model);
    expect(runNpm(model, 'import:form', [form]).status).toBe(0);
    const fresh = results(model);
    expect(digestDiff(old, fresh).length).toBe(2);
    let step = 1;
    const seen = { old: 0, new: 0 };
    for (; step < 40; step += 1) {
      const dir = copy();
      cpSync(join(model, form), join(dir, form));
      const out = runNpm(dir, 'import:form', [form], 20, { SOKET_FAULT: `kill@${step}` });
      if (out.signal === null && out.status === 0) break; // ran past its last write
      // npm reports its child's SIGKILL as exit status 137.
      expect(out.signal ?? `exit ${out.status}`, out.stderr).toMatch(/^(SIGKILL|exit 137)$/);
      if (existsSync(join(dir, RESULTS, JOURNAL))) {
        // Between the commit point and the last rename: nothing is built until it is finished.
        const check = runNpm(dir, 'check:data');
        expect(check.status).toBe(1);
        expect(check.stderr).toContain('(quy tắc: nhap-do-dang)');
      } else {
        expect(digestDiff(old, results(dir)).filter((l) => !l.includes('/.') && !/: \./.test(l))).toEqual(digestDiff(old, old));
      }
      const finish = runNpm(dir, 'import:form', ['--hoan-tat']);
      expect(finish.status, finish.stderr).toBe(0);
      const now = results(dir);
      const isOld = digestDiff(old, now).length === 0;
      const isNew = digestDiff(fresh, now).length === 0;
      expect(isOld || isNew, `step ${step}: ${digestDiff(old, now).join(', ')}`).toBe(true);
      seen[isOld ? 'old' : 'new'] += 1;
      expect(hidden(dir)).toEqual([]);
    }
    // 2 temp files, 2 backups, the journal and its rename (the commit point), 2 renames, the journal's removal.
    expect(step).toBe(10);
    expect(seen).toEqual({ old: 6, new: 3 }); // killed up to the journal's rename: old; after it: finished
  }, 120_000);

  test('a write that fails at any step: exit 1, a Vietnamese reason, old files byte for byte, nothing left behind', async () => {
    const model = copy();
    const form = await twoFileForm(model);
    const old = results(model);
    for (let step = 1; step <= 9; step += 1) {
      const dir = copy();
      cpSync(join(model, form), join(dir, form));
      const out = runNpm(dir, 'import:form', [form], 20, { SOKET_FAULT: `fail@${step}` });
      expect(out.status, `step ${step}: ${out.stdout}${out.stderr}`).toBe(1);
      if (step < 9) {
        expect(out.stderr).toMatch(/Không nhập biểu mẫu: không ghi được vào .*so-lieu: lỗi đọc\/ghi của ổ đĩa; các tệp số liệu (giữ nguyên như trước|đã được trả lại như trước)\./);
        expect(digestDiff(old, results(dir)), `step ${step}`).toEqual([]);
        expect(hidden(dir), `step ${step}`).toEqual([]);
      } else {
        // The last step only tidies up: the data is new and whole, and --hoan-tat finishes the tidying.
        expect(out.stderr).toMatch(/đã ghi xong 2019.csv, 2020.csv nhưng không dọn được nhật ký/);
        expect(runNpm(dir, 'check:data').status).toBe(1);
        expect(runNpm(dir, 'import:form', ['--hoan-tat']).status).toBe(0);
        expect(digestDiff(old, results(dir)).sort()).toEqual(['changed: 2019.csv', 'changed: 2020.csv']);
        expect(hidden(dir)).toEqual([]);
      }
    }
  }, 60_000);

  test('a results file that cannot be replaced (immutable, as a file held open elsewhere): refused, nothing changed', async () => {
    const dir = copy();
    const form = await twoFileForm(dir);
    const old = results(dir);
    const target = join(dir, RESULTS, '2020.csv');
    expect(spawnSync('chattr', ['+i', target]).status, 'chattr +i is needed for this test (ext4/tmpfs as root)').toBe(0);
    try {
      const out = runNpm(dir, 'import:form', [form]);
      expect(out.status).toBe(1);
      expect(out.stderr).toMatch(/không có quyền ghi .*; các tệp số liệu giữ nguyên như trước\./);
      expect(out.stderr).not.toMatch(/\bat |EPERM|Error/);
    } finally {
      spawnSync('chattr', ['-i', target]);
    }
    expect(digestDiff(old, results(dir))).toEqual([]);
    expect(hidden(dir)).toEqual([]);
  });

  test('a full disk (a small tmpfs): refused with "ổ đĩa đã đầy", old files byte for byte', async () => {
    for (const free of [0, 4096, 16384]) {
      const dir = copy();
      const form = await twoFileForm(dir);
      const folder = join(dir, RESULTS);
      const saved = `${folder}.goc`;
      cpSync(folder, saved, { recursive: true });
      rmSync(folder, { recursive: true });
      mkdirSync(folder);
      const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=96k', 'tmpfs', folder], { encoding: 'utf8' });
      expect(mount.status, `mounting a small tmpfs needs root: ${mount.stderr}`).toBe(0);
      try {
        cpSync(saved, folder, { recursive: true });
        const stat = statfsSync(folder);
        const left = stat.bavail * stat.bsize - free;
        if (left > 0) writeFileSync(join(folder, '.day'), Buffer.alloc(left));
        const old = results(dir);
        const out = runNpm(dir, 'import:form', [form]);
        expect(out.status, out.stdout + out.stderr).toBe(1);
        expect(out.stderr).toMatch(/ổ đĩa đã đầy/);
        expect(digestDiff(old, results(dir))).toEqual([]);
        expect(hidden(dir)).toEqual(['.day']);
      } finally {
        spawnSync('umount', [folder]);
      }
    }
  });

  test('two imports at once (5 rounds): both succeed, one after the other, and neither unit\'s update is lost', async () => {
    for (let round = 0; round < 5; round += 1) {
      const dir = copy();
      const a = await editedForm(dir, 'bien-hoa', 'a.xlsx', (s, ds) => { const { row, col } = cellOf(ds, 'mai-am-cong-doan', '2020'); s.getCell(row, col).value = 1000 + round; });
      const b = await editedForm(dir, 'cam-my', 'b.xlsx', (s, ds) => { const { row, col } = cellOf(ds, 'mai-am-cong-doan', '2020'); s.getCell(row, col).value = 2000 + round; });
      const run = (form: string) => new Promise<number | null>((resolve) => {
        spawn('npm', ['run', 'import:form', '--', form], { cwd: dir, stdio: 'ignore' }).on('exit', (code) => resolve(code));
      });
      expect(await Promise.all([run(a), run(b)])).toEqual([0, 0]);
      const text = readFileSync(join(dir, RESULTS, '2020.csv'), 'utf8');
      expect(text).toMatch(new RegExp(`^bien-hoa,2020,mai-am-cong-doan,${1000 + round},`, 'm'));
      expect(text).toMatch(new RegExp(`^cam-my,2020,mai-am-cong-doan,${2000 + round},`, 'm'));
      expect(hidden(dir)).toEqual([]);
    }
  }, 60_000);

  test('a lock left by a killed import is detected, explained and taken over', async () => {
    const dir = copy();
    const form = await twoFileForm(dir);
    const dead = spawnSync('true').pid;
    writeFileSync(join(dir, RESULTS, LOCK), JSON.stringify({ pid: dead, host: hostname(), started: '2026-11-29T08:00:00.000Z' }));
    const out = runNpm(dir, 'import:form', [form]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain(`Khoá ${LOCK} do lần nhập trước (tiến trình ${dead}, bắt đầu`);
    expect(out.stdout).toContain('tiến trình đó không còn chạy (bị dừng giữa chừng), nên khoá được gỡ.');
    expect(hidden(dir)).toEqual([]);
  });
});

describe('a downloaded CSV form sent back as it is changes nothing', () => {
  test('notes made formula-safe for the download (=, ;=, +) are read back as the committed notes', () => {
    const dir = copy();
    const path = join(dir, RESULTS, '2019.csv');
    const text = readFileSync(path, 'utf8').replace(/^(tan-phu,2019,mai-am-cong-doan,\d+,,,)$/m, '$1"=1+1;@x, +2"');
    writeFileSync(path, text);
    expect(runNpm(dir, 'check:data').status).toBe(0);
    const form = editedCsv(dir, 'tan-phu', 'tan-phu.csv', (lines) => lines);
    expect(readFileSync(join(dir, form), 'utf8')).toContain(`"'=1+1;'@x,' +2"`);
    const out = runNpm(dir, 'import:form', [form]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('không có gì thay đổi');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('npm run data:sample', () => {
  test('rewrites the illustrative results exactly as committed (deterministic), all files together under the import lock', () => {
    const dir = copy();
    const before = results(dir);
    // Spoil two files: the command must write every one of them back.
    writeFileSync(join(dir, RESULTS, '2019.csv'), 'hỏng');
    rmSync(join(dir, RESULTS, 'nk-truoc.csv'));
    rmSync(join(dir, RESULTS, 'muc-tieu-don-vi.csv'));
    const out = runNpm(dir, 'data:sample');
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Đã ghi 648 dòng số liệu minh họa \(18 đơn vị × 9 chỉ tiêu × 4 kỳ\) và mục tiêu minh họa của 18 đơn vị\./);
    expect(digestDiff(before, results(dir))).toEqual([]);
    expect(hidden(dir)).toEqual([]);
  });
});
