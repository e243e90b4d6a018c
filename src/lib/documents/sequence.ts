// Previous and next among documents read in order (the plan, the outline, the memo).

export interface Neighbours<T> {
  previous?: T;
  next?: T;
}

/** The items before and after `id` when sorted by `order`; none at the ends. */
export function neighbours<T extends { id: string; order: number }>(items: T[], id: string): Neighbours<T> {
  const sorted = [...items].sort((a, b) => a.order - b.order);
  const at = sorted.findIndex((item) => item.id === id);
  if (at < 0) return {};
  return { previous: sorted[at - 1], next: sorted[at + 1] };
}

/** Every item's neighbours from one sort: for each id, what `neighbours` gives. */
export function sequenceOf<T extends { id: string; order: number }>(items: T[]): Map<string, Neighbours<T>> {
  const sorted = [...items].sort((a, b) => a.order - b.order);
  return new Map(sorted.map((item, at) => [item.id, { previous: sorted[at - 1], next: sorted[at + 1] }]));
}
