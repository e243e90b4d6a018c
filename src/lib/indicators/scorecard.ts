// A unit's scorecard: its line of every indicator's aggregation, with how many units were ranked.
import type { IndicatorSummary, UnitResult } from './aggregate.ts';
import type { Indicator } from './dataset.ts';

export interface ScorecardLine {
  indicator: Indicator;
  unit: UnitResult;
  rankedUnits: number;
}

export function unitScorecard(unitId: string, indicators: readonly Indicator[], summaries: ReadonlyMap<string, IndicatorSummary>): ScorecardLine[] {
  return indicators.map((indicator) => {
    const summary = summaries.get(indicator.id);
    const unit = summary?.units.find((u) => u.unitId === unitId);
    if (!summary || !unit) throw new Error(`Không có số liệu tổng hợp của chỉ tiêu "${indicator.id}" cho đơn vị "${unitId}"`);
    return { indicator, unit, rankedUnits: summary.units.filter((u) => u.rank !== null).length };
  });
}
