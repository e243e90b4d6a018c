// The home page renders what homePageModel computes: checked here on the real content, without a build.
import { describe, expect, test } from 'vitest';
import { loadDataset } from '../src/lib/indicators/read';
import { reportingStatus } from '../src/lib/indicators/reporting';
import { timelineOf } from '../src/lib/documents/documents';
import { loadEdition } from '../src/lib/edition/load';
import { homePageModel } from '../src/lib/views/home-page';
import { HOME_DOCUMENTS } from '../src/lib/site/pagination';
import { documentEntries, programmeEntries } from './helpers/content-entries';

const dataset = loadDataset(process.cwd());
const edition = loadEdition();
const documents = documentEntries();
const timeline = timelineOf(documents);
const input = {
  documents,
  programmes: programmeEntries(),
  timeline,
  units: dataset.units,
  reporting: reportingStatus(dataset),
  edition: { vocabularies: edition.vocabularies, evaluation: edition.review.evaluation },
};

describe("the home page's model, on the real content", () => {
  const model = homePageModel(input);

  test('the documents in the edition\'s order (plan, outline, memo), and a link to the list', () => {
    expect(model.documents.map((d) => d.id)).toEqual(['ke-hoach-so-ket', 'de-cuong-bao-cao', 'cong-van-xin-y-kien']);
    expect(model.allDocuments).toEqual({ href: '/van-ban/', label: 'Danh sách văn bản' });
  });

  test('reporting counts: every unit of the complete sample dataset, no receipts file', () => {
    expect(model.reporting).toEqual({ complete: '18/18', incomplete: '0', none: '0', receipts: null });
  });

  test('programmes counted per level, in the edition\'s order (3 provincial, 5 national in content/chuong-trinh)', () => {
    expect(model.programmeLevels).toBe(`${edition.vocabularies.programmeLevels.tinh}: 3 chương trình; ${edition.vocabularies.programmeLevels['tong-lien-doan']}: 5 chương trình`);
  });

  test('the evaluated years and the kinds of unit, in words', () => {
    expect(model.years).toBe(`${edition.review.evaluation.years.from} – ${edition.review.evaluation.years.to}`);
    expect(model.unitTypes).toBe(Object.values(edition.vocabularies.unitTypes).join('; '));
    expect(model.unitTypes.split('; ')).toHaveLength(6);
  });

  test('the timeline: every entry in order, linking to its source, classed by the choices it falls to', () => {
    const { filters, items } = model.timeline;
    expect(items.map((i) => i.id)).toEqual(timeline.map((e) => e.id));
    expect(items.length).toBeGreaterThan(5);
    for (const [i, item] of items.entries()) expect(item.href).toBe(`/van-ban/${timeline[i]!.documentId}/#${timeline[i]!.anchor}`);
    expect(filters!.map((f) => f.position)).toEqual(filters!.map((_, i) => i + 1));
    const positions = new Map(filters!.map((f) => [f.key, f.position]));
    for (const item of items) {
      const keys = item.classes!.filter((c) => c.startsWith('viec-')).map((c) => c.slice('viec-'.length));
      expect(item.classes).toEqual(keys.flatMap((k) => [`viec-${k}`, `loc-${positions.get(k)}`]));
    }
    // Some task falls to every kind of unit, and some to none (the federation's own).
    expect(items.some((i) => i.classes!.length === 2 * filters!.length)).toBe(true);
    expect(items.some((i) => i.classes!.length === 0)).toBe(true);
  });
});

describe("the home page's model, beyond the real content", () => {
  test(`more than ${HOME_DOCUMENTS} documents: the first ${HOME_DOCUMENTS} by order, and the link counts them all`, () => {
    const many = Array.from({ length: 1234 }, (_, i) => ({ ...documents[0]!, id: `vb-${i}`, data: { ...documents[0]!.data, order: 1234 - i } }));
    const model = homePageModel({ ...input, documents: many });
    expect(model.documents.map((d) => d.id)).toEqual(Array.from({ length: HOME_DOCUMENTS }, (_, i) => `vb-${1233 - i}`));
    expect(model.allDocuments.label).toBe('Xem tất cả 1.234 văn bản');
  });

  test('with a receipts file, what the office received', () => {
    const reporting = { counts: { units: 1200, du: 1100, thieu: 60, chua: 40 }, receipts: { file: 'x', asIssued: 'x', lastOnTimeDay: 'x', anchor: 'x', received: 1150, onTime: 1000, late: 150 } };
    expect(homePageModel({ ...input, reporting }).reporting).toEqual({
      complete: '1.100/1.200', incomplete: '60', none: '40', receipts: { received: '1.150', onTime: '1.000', late: '150' },
    });
  });
});
