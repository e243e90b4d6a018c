// CSV for download: UTF-8 with BOM and CRLF so Excel opens Vietnamese text correctly; every cell
// that a spreadsheet would read as a formula is neutralised with a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV line; `neutralise: false` only for text that is parsed again, never for a download. */
export function csvLine(cells: readonly (string | number | null)[], options: { delimiter?: string; neutralise?: boolean } = {}): string {
  const { delimiter = ',', neutralise = true } = options;
  return cells
    .map((cell) => {
      const text = cell === null ? '' : String(cell);
      return quote(neutralise ? neutraliseCell(text) : text);
    })
    .join(delimiter);
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], options: { neutralise?: boolean } = {}): string {
  const line = (cells: readonly (string | number | null)[]) => csvLine(cells, options);
  return `\ufeff${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
