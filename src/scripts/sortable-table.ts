// Progressive enhancement: a header button sorts the table; without JavaScript the table keeps its printed order.
import { compareCells } from '../lib/text/sort-values';

function cellValue(row: HTMLTableRowElement, index: number): string {
  const cell = row.cells[index];
  return cell?.dataset.sortValue ?? cell?.textContent?.trim() ?? '';
}

function enhance(table: HTMLTableElement) {
  const headers = [...table.tHead?.rows[0]?.cells ?? []] as HTMLTableCellElement[];
  const body = table.tBodies[0];
  if (!body) return;
  headers.forEach((th, index) => {
    if (th.dataset.sortable === undefined) return;
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
      const rows = [...body.rows].sort((a, b) => compareCells(cellValue(a, index), cellValue(b, index)) * (ascending ? 1 : -1));
      body.append(...rows);
    });
  });
}

document.querySelectorAll<HTMLTableElement>('table[data-sortable-table]').forEach(enhance);
