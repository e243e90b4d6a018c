// The view models that the listing pages, the programme pages and the Word drafts render
// (src/lib/views/index-pages.ts, draftModel in src/lib/views/draft.ts), on the committed edition,
// and the raw-rows CSV both "số liệu gốc" downloads share (src/lib/indicators/downloads.ts).
import { describe, expect, test } from 'vitest';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import { loadDataset } from '../src/lib/indicators/read';
import { reportingStatus } from '../src/lib/indicators/reporting';
import { rawRowsCsvOf } from '../src/lib/indicators/downloads';
import { timelineOf } from '../src/lib/documents/documents';
import { loadEdition } from '../src/lib/edition/load';
import { indicatorsPageModel, programmePageModel, reportingPageModel, REPORTING_SYMBOLS, unitsPageModel } from '../src/lib/views/index-pages';
import { draftModel } from '../src/lib/views/draft';
import { documentEntries, programmeEntries } from './helpers/content-entries';

const dataset = loadDataset('.');
const summaries = aggregateDataset(dataset);
const edition = loadEdition();
const timeline = timelineOf(documentEntries() as never);

describe('listing pages', () => {
  test('/tinh-hinh-bao-cao/: names, the units still owing and the table\'s width', () => {
    const status = reportingStatus(dataset);
    const model = reportingPageModel(dataset, status);
    expect(model.indicatorName.get(dataset.indicators[0]!.id)).toBe(dataset.indicators[0]!.name);
    expect([...model.periodLabel.keys()]).toEqual(status.periods.map((p) => p.key));
    const all = status.groups.flatMap((g) => g.units);
    expect(model.owing).toEqual(all.filter((u) => u.state !== 'du'));
    expect(model.owing.length).toBe(status.counts.thieu + status.counts.chua);
    expect(model.columns).toBe(status.periods.length + 2 + (status.receipts ? 1 : 0));
    expect(model.symbol).toBe(REPORTING_SYMBOLS);
  });

  test('/chi-tieu/: every indicator once, in the edition\'s groups; the years as a span', () => {
    const { groups, span } = indicatorsPageModel(dataset);
    expect(groups.flatMap((g) => g.items.map((i) => i.id)).sort()).toEqual(dataset.indicators.map((i) => i.id).sort());
    expect(groups.map((g) => g.group)).toEqual(Object.keys(edition.vocabularies.indicatorGroups).filter((g) => groups.some((x) => x.group === g)));
    expect(span).toBe('2018 – 2020');
  });

  test('/don-vi/: units by kind in the edition\'s order, empty kinds left out, the late-congress window', () => {
    const model = unitsPageModel(dataset, edition.vocabularies.unitTypes, timeline);
    expect(model.groups.flatMap((g) => g.units).length).toBe(dataset.units.length);
    expect(model.groups.map((g) => g.type)).toEqual(Object.keys(edition.vocabularies.unitTypes).filter((t) => dataset.units.some((u) => u.type === t)));
    for (const g of model.groups) expect(g.label).toBe(edition.vocabularies.unitTypes[g.type]);
    expect(model.lateWindow?.kind).toBe('until');
    expect(model.hasIllustrativeNames).toBe(dataset.units.some((u) => u.nameSource === 'minh-hoa'));
    expect(unitsPageModel(dataset, { khac: 'Khác' }, []).groups).toEqual([]);
  });

  test('a programme\'s page: symbol, issue day, year and the indicators reporting on it', () => {
    const programme = programmeEntries().find((p) => dataset.indicators.some((i) => i.programmes.includes(p.id)))!;
    const model = programmePageModel(programme, dataset);
    expect(model.symbol).toBe(`${programme.data.number}/${programme.data.symbol}`);
    expect(model.year).toBe(programme.data.issueDate.slice(0, 4));
    expect(model.issued).toMatch(/\d{4}$/);
    expect(model.indicators.length).toBeGreaterThan(0);
    for (const i of model.indicators) expect(i.programmes).toContain(programme.id);
  });
});

describe('the Word draft\'s model', () => {
  const site = { publisher: edition.organisation.name, parentBody: edition.organisation.parentBody, reportRecipient: edition.organisation.reportRecipient, evaluation: { until: edition.review.evaluation.until } };
  test('a unit\'s draft is issued by the unit under the organisation, with its deadlines and no charts', () => {
    const unit = dataset.units[0]!;
    const model = draftModel({ dataset, summaries, isSample: true, unit, timeline, site, sourceTitle: 'Đề cương', formUrl: '/tai-ve/bieu-mau/x.xlsx', charts: [] });
    expect(model.issuer).toBe(unit.name);
    expect(model.parentBody).toBe(site.publisher);
    expect(model.deadlines.length).toBeGreaterThan(0);
    for (const d of model.deadlines) expect(d.when).toMatch(/\(văn bản ghi: [^()]+\)$/);
    expect(model.table.widths.length).toBe(model.table.header.length);
    expect(model.illustrativeNote).toMatch(/^SỐ LIỆU MINH HỌA/);
  });
  test('the organisation\'s draft is its own, under its parent body; official figures carry no note', () => {
    const model = draftModel({ dataset, summaries, isSample: false, unit: null, timeline, site, sourceTitle: 'Đề cương', formUrl: '/x.xlsx', charts: [] });
    expect(model.issuer).toBe(site.publisher);
    expect(model.parentBody).toBe(site.parentBody);
    expect(model.illustrativeNote).toBeUndefined();
  });
});

describe('raw rows of one indicator or one unit', () => {
  test('only its rows, in the tables\' order, with the names', () => {
    const indicator = dataset.indicators[0]!;
    const lines = rawRowsCsvOf(dataset, 'indicator', indicator.id).trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(dataset.rows.filter((r) => r.indicator === indicator.id).length);
    for (const line of lines.slice(1)) expect(line.split(',')[2]).toBe(indicator.id);
    const unit = dataset.units[0]!;
    const unitLines = rawRowsCsvOf(dataset, 'unit', unit.id).trim().split(/\r?\n/);
    expect(unitLines.length - 1).toBe(dataset.rows.filter((r) => r.unit === unit.id).length);
    expect(unitLines[0]).toBe(lines[0]);
  });
});
