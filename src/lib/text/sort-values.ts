// Sort keys for table cells: numbers written the Vietnamese way ("1.234,5"), ISO dates, or text in Vietnamese order.

/** A cell's machine value: data-sort-value if present (ISO dates, raw numbers), else its text. */
export function compareCells(a: string, b: string): number {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined) return na - nb;
  return a.localeCompare(b, 'vi', { numeric: true, sensitivity: 'base' });
}

/** "1.234,5" → 1234.5; "12,5 %" → 12.5; anything else → undefined. */
export function toNumber(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0%]/g, '');
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned.replace(/\./g, '').replace(',', '.'));
}

/**
 * The number a cell's text starts with, as written ("45,1% (23/51)" → "45,1"; "1.234" → "1.234"),
 * or '' when it starts with none ("chưa báo cáo"). A column whose header has data-sort-lead sorts
 * by it, so its cells need no data-sort-value of their own (the indicator page's 200-row table).
 */
export function leadingNumber(text: string): string {
  return /^-?(?:\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:,\d+)?/.exec(text.trim())?.[0] ?? '';
}
