// Programme listing helpers: grouping by level and date order, labels for the metadata table.
export const levelLabels = {
  'tinh': 'Cấp tỉnh (LĐLĐ tỉnh Đồng Nai)',
  'tong-lien-doan': 'Tổng Liên đoàn Lao động Việt Nam',
} as const;

export type Level = keyof typeof levelLabels;

export interface ProgrammeLike {
  id: string;
  data: { number: string; symbol: string; level: Level; issueDate: string; title: string };
}

/** "2494/CTr-TLĐ" */
export function programmeSymbol(p: ProgrammeLike): string {
  return `${p.data.number}/${p.data.symbol}`;
}

export function sortByDate<T extends ProgrammeLike>(items: T[], direction: 'asc' | 'desc' = 'asc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort(
    (a, b) => sign * a.data.issueDate.localeCompare(b.data.issueDate) || a.data.number.localeCompare(b.data.number, 'vi', { numeric: true }),
  );
}

/** Groups in a fixed order: the province's own programmes first, then the national federation's. */
export function groupByLevel<T extends ProgrammeLike>(items: T[]): { level: Level; label: string; items: T[] }[] {
  return (Object.keys(levelLabels) as Level[])
    .map((level) => ({ level, label: levelLabels[level], items: sortByDate(items.filter((p) => p.data.level === level)) }))
    .filter((group) => group.items.length > 0);
}
