// The indicator forms offered for download: one per unit and a blank province-wide one.
import { indicatorData } from './indicators';
import { formPeriods } from '../lib/report-kit/import';
import type { FormInput } from '../lib/report-kit/form';
import { site } from '../lib/site/site';

/** The blank form and the whole organisation's draft: the edition's scope file name. */
export const PROVINCE_FORM = site.scope.slug;

export function formNames(): string[] {
  return [...indicatorData().dataset.units.map((u) => u.id), PROVINCE_FORM];
}

export function formInput(name: string): FormInput {
  const { dataset, unit } = indicatorData();
  const years = dataset.years;
  return {
    indicators: dataset.indicators,
    units: dataset.units,
    periods: formPeriods(dataset),
    unit: name === PROVINCE_FORM ? null : unit(name),
    title: `BÁO CÁO TỔNG HỢP SỐ LIỆU HOẠT ĐỘNG CÔNG ĐOÀN GIAI ĐOẠN ${years[0]} – ${years.at(-1)}`,
    date: new Date(`${dataset.meta.lastUpdated}T00:00:00Z`),
    rows: dataset.rows,
    organisation: site.publisher,
    illustrative: dataset.meta.status === 'minh-hoa',
  };
}
