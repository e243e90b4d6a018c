// Previous and next among documents read in order (the plan, the outline, the memo).

export interface Neighbours<T> {
  previous?: T;
  next?: T;
}

/** Every item's neighbours from one sort, by id: the items before and after it by `order`, none at the ends. */
export function sequenceOf<T extends { id: string; order: number }>(items: T[]): Map<string, Neighbours<T>> {
  const sorted = [...items].sort((a, b) => a.order - b.order);
  return new Map(sorted.map((item, at) => [item.id, { previous: sorted[at - 1], next: sorted[at + 1] }]));
}
