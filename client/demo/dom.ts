// Small DOM helpers for the demo page: look up required elements and build rows without innerHTML,
// so server text (titles, error messages) can never inject markup.
import { isUnknown, type Unknown } from '../src/index';

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`demo page is missing #${id}`);
  return element as T;
}

export function cell(tag: 'td' | 'th', text: string | number | undefined): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text === undefined ? '' : String(text);
  if (tag === 'th') element.scope = 'col';
  return element;
}

/** An enum value as text; one this client version does not know (a newer server's) shows raw. */
export function enumText(value: string | Unknown | undefined): string | undefined {
  return isUnknown(value) ? value.unknown : value;
}

/** Replaces a table's header and body. */
export function fillTable(table: HTMLTableElement, headers: string[], rows: (string | number | undefined)[][]): void {
  const head = document.createElement('tr');
  head.append(...headers.map((h) => cell('th', h)));
  table.tHead?.remove();
  table.createTHead().append(head);
  for (const body of [...table.tBodies]) body.remove();
  const body = table.createTBody();
  for (const row of rows) {
    const tr = document.createElement('tr');
    tr.append(...row.map((value) => cell('td', value)));
    body.append(tr);
  }
}
