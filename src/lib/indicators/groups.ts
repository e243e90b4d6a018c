// Indicator groups as the edition orders them (main, then coordinated): the indicator list, a
// unit's page, the Excel form and the Word drafts all show indicators this way.
import type { Indicator } from './dataset.ts';

/** Indicators by group, groups in the edition's order, each group's indicators in their own order. */
export function groupsOf<T extends Pick<Indicator, 'group' | 'groupLabel' | 'groupOrder'>>(indicators: readonly T[]): { group: string; label: string; indicators: T[] }[] {
  const firsts = [...new Map(indicators.map((i) => [i.group, i])).values()].sort((a, b) => a.groupOrder - b.groupOrder);
  return firsts.map((first) => ({ group: first.group, label: first.groupLabel, indicators: indicators.filter((i) => i.group === first.group) }));
}
