// The words that mark illustrative figures wherever they travel (chart drawings, table captions,
// every printed page), and when they apply: only while the dataset's status is minh-hoa.

export const SAMPLE_MARK = 'Số liệu minh họa';

/** The mark for a dataset status; undefined for official figures, which carry none. */
export function sampleMark(status: string): string | undefined {
  return status === 'minh-hoa' ? SAMPLE_MARK : undefined;
}
