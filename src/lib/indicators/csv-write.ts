// CSV for download: UTF-8 with BOM and CRLF so Excel opens Vietnamese text correctly; every cell
// that a spreadsheet would read as a formula is neutralised with a leading apostrophe.
//
// Excel splits a CSV on the regional list separator: "," here, but ";" under Vietnamese regional
// settings, and then reads a quoted note such as `x;=cmd|' /C calc'!A0` as several cells, the
// second one a formula. So the apostrophe goes not only at the start of a cell but after every
// "," ";" or line break inside it that would otherwise open a cell starting with = + - @ or a tab
// (spaces and quotes before it skipped, as Excel skips them). An apostrophe is what Excel itself
// shows for "text, not a formula"; nothing else in the text changes, and a cell without such a
// place is written exactly as it is.
const FORMULA_AFTER_BREAK = /([,;\r\n])(?=(?:[^\S\r\n]|")*[=+\-@\t])/g;
const FORMULA_START = /^(?:(?:[^\S\r\n]|")*[=+\-@\t]|\r)/;

export function neutraliseCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_BREAK, "$1'");
  return FORMULA_START.test(value) ? `'${inner}` : inner;
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
