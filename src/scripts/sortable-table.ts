// Progressive enhancement: a header button sorts the table; without JavaScript the table keeps its printed order.
import { compareCells, leadingNumber } from '../lib/text/sort-values';

/**
 * A cell's sort key: its data-sort-value, else, in a column marked data-sort-lead, the number its
 * own text starts with (a note's mark after it is not read), else its text.
 */
function cellValue(row: HTMLTableRowElement, index: number, lead: boolean): string {
  const cell = row.cells[index];
  if (cell?.dataset.sortValue !== undefined) return cell.dataset.sortValue;
  if (lead) return leadingNumber(cell?.firstChild?.textContent ?? '');
  return cell?.textContent?.trim() ?? '';
}

function enhance(table: HTMLTableElement) {
  const headers = [...table.tHead?.rows[0]?.cells ?? []] as HTMLTableCellElement[];
  const body = table.tBodies[0];
  if (!body) return;
  headers.forEach((th, index) => {
    if (th.dataset.sortable === undefined) return;
    const lead = th.dataset.sortLead !== undefined;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = th.textContent ?? '';
    button.title = 'Sắp xếp theo cột này';
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const rows = [...body.rows].sort((a, b) => compareCells(cellValue(a, index, lead), cellValue(b, index, lead)) * (ascending ? 1 : -1));
      body.append(...rows);
    });
  });
}

document.querySelectorAll<HTMLTableElement>('table[data-sortable-table]').forEach(enhance);
