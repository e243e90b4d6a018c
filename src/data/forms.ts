// The indicator forms offered for download: one per unit and a blank province-wide one.
import { indicatorData } from './indicators';
import { formInputOf } from '../lib/prepare/kit-jobs';
import type { FormInput } from '../lib/report-kit/form';
import { site } from '../lib/site/site';

/** The blank form and the whole organisation's draft: the edition's scope file name. */
export const PROVINCE_FORM = site.scope.slug;

export function formNames(): string[] {
  return [...indicatorData().dataset.units.map((u) => u.id), PROVINCE_FORM];
}

export function formInput(name: string): FormInput {
  return formInputOf(indicatorData().dataset, name, site);
}
