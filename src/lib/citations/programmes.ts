// Programme listing helpers: grouping by level and date order. The levels and their labels are the
// edition's `programmeLevels` (content/cau-hinh.yaml).

/** A code of the edition's `programmeLevels`. */
export type Level = string;

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

/** Groups in the edition's order of levels (the organisation's own programmes first, then its parent body's). */
export function groupByLevel<T extends ProgrammeLike>(items: T[], levels: Readonly<Record<Level, string>>): { level: Level; label: string; items: T[] }[] {
  return Object.entries(levels)
    .map(([level, label]) => ({ level, label, items: sortByDate(items.filter((p) => p.data.level === level)) }))
    .filter((group) => group.items.length > 0);
}
