// The search page's filters and how they sit in its address (?q=…&loai=…&cap=…&nam=…&nhom=…),
// so that a filtered search can be shared. Values travel as slugs ("Chương trình" → "chuong-trinh").
import { slugify } from '../text/vietnamese.ts';

/** The filters the index holds (data-pagefind-filter names), each with its address parameter and label. */
export const SEARCH_FILTERS = [
  { name: 'Loại trang', param: 'loai', label: 'Loại trang' },
  { name: 'Cấp ban hành', param: 'cap', label: 'Cấp ban hành' },
  { name: 'Năm ban hành', param: 'nam', label: 'Năm ban hành' },
  { name: 'Nhóm chỉ tiêu', param: 'nhom', label: 'Nhóm chỉ tiêu' },
] as const;

export type FilterSelection = Record<string, string[]>;

/** The chosen filters in an address, matched against the values the index holds; unknown values are left out. */
export function filtersFromParams(params: URLSearchParams, available: Record<string, string[]>): FilterSelection {
  const selection: FilterSelection = {};
  for (const filter of SEARCH_FILTERS) {
    const wanted = new Set(params.getAll(filter.param).flatMap((v) => v.split(',')).map((v) => slugify(v)));
    const values = (available[filter.name] ?? []).filter((value) => wanted.has(slugify(value)));
    if (values.length > 0) selection[filter.name] = values;
  }
  return selection;
}

/** Writes the query and chosen filters into an address (other parameters kept), in a fixed order. */
export function writeSearchParams(params: URLSearchParams, query: string, selection: FilterSelection): URLSearchParams {
  const out = new URLSearchParams(params);
  out.delete('q');
  for (const filter of SEARCH_FILTERS) out.delete(filter.param);
  if (query) out.set('q', query);
  for (const filter of SEARCH_FILTERS) {
    for (const value of [...(selection[filter.name] ?? [])].sort()) out.append(filter.param, slugify(value));
  }
  return out;
}
