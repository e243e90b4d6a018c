// The data package's per-indicator and per-unit files (src/lib/views/data-package.ts) are found by
// grouping the rows once; each must still be the site's own download of that indicator or unit
// (rawRowsCsvOf), less the BOM.
import { describe, expect, it } from 'vitest';
import { rawRowsCsvOf } from '../src/lib/indicators/downloads';
import { indicatorData } from '../src/data/indicators';
import { dataPackage } from '../src/lib/views/data-package';
import { site } from '../src/lib/site/site';

const noBom = (text: string) => text.replace(/^\ufeff/, '');

describe('the data package: each indicator\'s and unit\'s rows', () => {
  it('are the site\'s downloads of that indicator and that unit', () => {
    const { dataset, summaries, reporting } = indicatorData();
    const { files } = dataPackage({ dataset, summaries, reporting, site });
    expect(dataset.units.length).toBeGreaterThan(1);
    for (const i of dataset.indicators) expect(files.get(`du-lieu/chi-tieu/${i.id}-so-lieu-goc.csv`), i.id).toBe(noBom(rawRowsCsvOf(dataset, 'indicator', i.id)));
    for (const u of dataset.units) expect(files.get(`du-lieu/don-vi/${u.id}-so-lieu.csv`), u.id).toBe(noBom(rawRowsCsvOf(dataset, 'unit', u.id)));
  });
});
