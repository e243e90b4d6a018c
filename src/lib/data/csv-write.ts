// CSV for download: UTF-8 with BOM and CRLF so Excel opens Vietnamese text correctly; every cell
// that a spreadsheet would read as a formula is neutralised with a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const line = (cells: readonly (string | number | null)[]) =>
    cells.map((cell) => quote(neutraliseCell(cell === null ? '' : String(cell)))).join(',');
  return `\ufeff${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
