// What a spreadsheet could run as a formula in a CSV file, whichever separator it picks: the file
// is split naively on "," or on ";" and on every CR and LF, as Excel does when its regional list
// separator is not the file's; each piece, with the spaces and quotes before it skipped as Excel
// skips them, must not start with = + - @ or a tab.
export const SEPARATORS = [',', ';'] as const;

/** Every piece of `csv` that would open as a formula, with the separator that produced it. */
export function formulaCells(csv: string): { separator: string; cell: string }[] {
  const found: { separator: string; cell: string }[] = [];
  for (const separator of SEPARATORS) {
    for (const line of csv.replace(/^\ufeff/, '').split(/\r|\n/)) {
      for (const cell of line.split(separator)) {
        // A tab is both a space to skip and a formula start: check with and without skipping it.
        if (/^[ \u00a0"]*[=+\-@\t]/.test(cell) || /^[\s"]*[=+\-@]/.test(cell)) found.push({ separator, cell });
      }
    }
  }
  return found;
}
