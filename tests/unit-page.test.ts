// A unit's page renders what unitPageModel computes: checked here on the real dataset, without a build.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../src/lib/indicators/read';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import { reportingStatus } from '../src/lib/indicators/reporting';
import { unitPageModel } from '../src/lib/indicators/unit-page';
import yaml from 'js-yaml';
import { buildTimeline, scheduleSchema } from '../src/lib/documents/schedule';
import { loadEdition } from '../src/lib/edition/load';

const dataset = loadDataset(process.cwd());
const input = {
  dataset,
  summaries: aggregateDataset(dataset),
  reporting: reportingStatus(dataset),
  // Every document's schedule, as the build reads it (the schema turns its dates into the timeline's).
  timeline: buildTimeline(readdirSync('content/van-ban').filter((f) => f.endsWith('.mdx')).map((f) => {
    const front = yaml.load(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join('content/van-ban', f), 'utf8'))![1]!) as { order: number; shortTitle: string; schedule?: unknown };
    return { id: f.replace(/\.mdx$/, ''), order: front.order, title: front.shortTitle, schedule: scheduleSchema.parse(front.schedule ?? []) };
  }).sort((a, b) => a.order - b.order)),
  until: loadEdition().review.evaluation.until,
};

describe("a unit's page model", () => {
  test.each(dataset.units.map((u) => u.id))('%s: every indicator once, by group, notes numbered across the page', (id) => {
    const model = unitPageModel(input, id);
    expect(model.unit.id).toBe(id);
    const shown = model.groups.flatMap((g) => g.lines.map((l) => l.indicator.id));
    expect([...shown].sort()).toEqual(dataset.indicators.map((i) => i.id).sort());
    for (const g of model.groups) for (const l of g.lines) expect(l.indicator.group).toBe(g.group);
    const numbers = model.groups.flatMap((g) => g.notes.notes.map((n) => n.number));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(model.periods.map((p) => p.key)).toEqual([...dataset.years.map(String), ...(dataset.meta.baseline ? [dataset.meta.baseline.key] : [])]);
    expect(model.reported.unitId).toBe(id);
    expect(model.todo.tasks.length).toBeGreaterThan(0);
  });

  test('an unknown unit is refused, naming it', () => {
    expect(() => unitPageModel(input, 'khong-co')).toThrow('Không có đơn vị "khong-co"');
  });
});
