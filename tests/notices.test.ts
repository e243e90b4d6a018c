// The office's notices and the Atom feed (src/lib/views/notices.ts, content/thong-bao/): which are
// current on the day of the build, their order, the home page's banner, a bad notice refused at its
// line by the pre-build check, and the built feed read by a real feed parser.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { atomFeed, buildDay, FEED_LIMIT, feedEntries, isCurrent, noticeViews, plainSummary } from '../src/lib/views/notices';
import { homePageModel } from '../src/lib/views/home-page';
import { checkContent } from '../src/lib/gateway/content-precheck';
import { formatProblem } from '../src/lib/problems/problem';
import { htmlFiles } from './helpers/dist';

const DIST = process.env.DIST_DIR ?? 'dist';
const notice = (id: string, date: string, until?: string, title = id) => ({ id, data: { title, date, ...(until ? { until } : {}) } });

describe('which notices are current', () => {
  test('from the date to until, both days included; without until, from the date on', () => {
    const n = { title: 'x', date: '2021-01-10', until: '2021-01-20' };
    expect(['2021-01-09', '2021-01-10', '2021-01-20', '2021-01-21'].map((d) => isCurrent(n, d))).toEqual([false, true, true, false]);
    expect(isCurrent({ title: 'x', date: '2021-01-10' }, '2099-12-31')).toBe(true);
  });

  test('the day of the build is Vietnam\'s (UTC+7), or SOKET_TODAY', () => {
    expect(buildDay({}, new Date('2026-12-03T16:59:00Z'))).toBe('2026-12-03');
    expect(buildDay({}, new Date('2026-12-03T17:00:00Z'))).toBe('2026-12-04');
    expect(buildDay({ SOKET_TODAY: '2021-01-15' })).toBe('2021-01-15');
    expect(() => buildDay({ SOKET_TODAY: '15/01/2021' })).toThrow(/SOKET_TODAY phải có dạng YYYY-MM-DD/);
  });

  test('the list is newest first, each with its words; the home page keeps only the current ones', () => {
    const list = [notice('cu', '2021-01-05', '2021-01-08'), notice('moi', '2021-01-12'), notice('giua', '2021-01-10', '2021-02-01')];
    const views = noticeViews(list, '2021-01-15', () => undefined);
    expect(views.map((v) => [v.id, v.date, v.current, v.href])).toEqual([
      ['moi', '12/01/2021', true, '/thong-bao/#moi'],
      ['giua', '10/01/2021', true, '/thong-bao/#giua'],
      ['cu', '05/01/2021', false, '/thong-bao/#cu'],
    ]);
    expect(views[1]!.until).toBe('Hiện ở trang chủ đến hết ngày 01/02/2021');
    const home = homePageModel({
      documents: [], programmes: [], timeline: [], units: [], reporting: { counts: { du: 0, thieu: 0, chua: 0, units: 0 }, receipts: undefined } as never,
      edition: { vocabularies: { unitTypes: {}, programmeLevels: {} }, evaluation: { years: { from: 2018, to: 2020 } } }, notices: list, today: '2021-01-15',
    });
    expect(home.notices.map((n) => n.id)).toEqual(['moi', 'giua']);
  });
});

describe('a bad notice is refused before the build, at its line', () => {
  test('a date that does not exist, until before the date, a document that is not there', () => {
    const root = mkdtempSync(join(tmpdir(), 'thong-bao-'));
    try {
      cpSync('content', join(root, 'content'), { recursive: true });
      mkdirSync(join(root, 'content/thong-bao'), { recursive: true });
      writeFileSync(join(root, 'content/thong-bao/sai-ngay.mdx'), '---\ntitle: Nhắc hạn\ndate: 2021-02-30\n---\n\nNội dung.\n');
      writeFileSync(join(root, 'content/thong-bao/nguoc.mdx'), '---\ntitle: Nhắc hạn\ndate: 2021-02-10\nuntil: 2021-02-01\n---\n\nNội dung.\n');
      writeFileSync(join(root, 'content/thong-bao/van-ban-la.mdx'), '---\ntitle: Văn bản mới\ndate: 2021-02-10\ndocument: khong-co\n---\n\nNội dung.\n');
      const problems = checkContent(root).map(formatProblem).filter((p) => p.includes('thong-bao/'));
      expect(problems).toEqual([
        'content/thong-bao/nguoc.mdx:4: until: ngày cuối (2021-02-01) trước ngày đăng (2021-02-10) (quy tắc: bat-dau-truoc-ket-thuc)',
        'content/thong-bao/sai-ngay.mdx:3: date: Ngày không hợp lệ: "2021-02-30": ngày 30 không tồn tại trong tháng 2/2021 (tháng có 28 ngày) (quy tắc: ngay-co-that)',
        expect.stringMatching(/^content\/thong-bao\/van-ban-la\.mdx:4: document: liên kết trỏ tới văn bản không có trên trang .*"\/van-ban\/khong-co\/" \(quy tắc: lien-ket-noi-bo\)$/),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the Atom feed', () => {
  test('entries are most recently changed first, with absolute links; the XML is the library\'s', async () => {
    const input = {
      siteUrl: 'https://vi-du.vn', title: 'Sơ kết', publisher: 'LĐLĐ',
      documents: [{ id: 'ke-hoach', title: 'Kế hoạch', issueDate: '2020-08-01', updated: '2020-09-01', summary: 'KH' }, { id: 'cu', title: 'Cũ', issueDate: '2020-07-01', summary: 'C' }],
      notices: [{ ...notice('nhac-han', '2021-01-15'), summary: plainSummary('Gửi **báo cáo** theo [Kế hoạch](/van-ban/ke-hoach/).') }],
    };
    expect(feedEntries(input).map((e) => [e.link, e.updated])).toEqual([
      ['https://vi-du.vn/thong-bao/#nhac-han', '2021-01-15'],
      ['https://vi-du.vn/van-ban/ke-hoach/', '2020-09-01'],
      ['https://vi-du.vn/van-ban/cu/', '2020-07-01'],
    ]);
    const parsed = parseFeed(atomFeed(input));
    expect(parsed.meta.type).toBe('atom');
    expect(parsed.items[0]!.description).toBe('Gửi báo cáo theo Kế hoạch.');
  });

  test('only the 50 most recently changed entries: a large site\'s feed stays a feed of what is new', () => {
    const documents = Array.from({ length: 120 }, (_, i) => ({ id: `vb-${i}`, title: `Văn bản ${i}`, issueDate: `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, summary: 'VB' }));
    const input = { siteUrl: 'https://vi-du.vn', title: 'Sơ kết', publisher: 'LĐLĐ', documents, notices: [{ ...notice('moi-nhat', '2021-03-01'), summary: 'Mới' }] };
    const entries = feedEntries(input);
    expect(FEED_LIMIT).toBe(50);
    expect(entries).toHaveLength(50);
    expect(entries[0]!.link).toBe('https://vi-du.vn/thong-bao/#moi-nhat');
    // The 49 newest documents, and none older than the oldest kept.
    const all = feedEntries(input, Infinity);
    expect(all).toHaveLength(121);
    expect(entries).toEqual(all.slice(0, 50));
    expect(parseFeed(atomFeed(input)).items).toHaveLength(50);
  });

  test('the built feed parses, holds every document and notice with absolute links to the site, and every page announces it', () => {
    const xml = readFileSync(join(DIST, 'thong-bao/atom.xml'), 'utf8');
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toMatch(/Sơ kết giữa nhiệm kỳ/);
    const links = feed.items.map((i) => i.url ?? '');
    for (const doc of ['ke-hoach-so-ket', 'de-cuong-bao-cao', 'cong-van-xin-y-kien']) expect(links).toContain(`https://congdoan-soket.example.vn/van-ban/${doc}/`);
    expect(links).toContain('https://congdoan-soket.example.vn/thong-bao/#so-lieu-minh-hoa');
    for (const item of feed.items) {
      expect(item.url).toMatch(/^https:\/\/congdoan-soket\.example\.vn\//);
      expect(item.updated?.getTime()).toBeGreaterThan(0);
    }
    const updated = feed.items.map((i) => i.updated!.getTime());
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    for (const page of htmlFiles(DIST)) {
      expect(readFileSync(join(DIST, page), 'utf8'), page).toContain('<link rel="alternate" type="application/atom+xml"');
    }
  });

  test('the home page shows the current notice as a banner linking to its text', () => {
    const home = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(home).toMatch(/data-notice-banner[\s\S]*href="\/thong-bao\/#so-lieu-minh-hoa"[\s\S]*Số liệu trên trang hiện là số liệu minh họa/);
    const list = readFileSync(join(DIST, 'thong-bao/index.html'), 'utf8');
    expect(list).toMatch(/id="so-lieu-minh-hoa"[\s\S]*đang hiệu lực/);
  });
});
