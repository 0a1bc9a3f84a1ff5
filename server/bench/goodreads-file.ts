// Generates a Goodreads-style export of a given size: real header, ISBN ="..." wrapping, quoted
// author l-f, multi-line reviews, and a few bad rows, like a long-time reader's file.
import { isbn10To13 } from '../src/books/isbn';

const HEADER =
  'Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies';

function isbn10For(n: number): string {
  const first9 = String(100_000_000 + (n % 899_999_999)).slice(0, 9);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return first9 + (check === 10 ? 'X' : String(check));
}

function row(n: number): string {
  const isbn10 = isbn10For(n * 7919);
  const review = n % 5 === 0 ? `"Loved it, chapter ${n % 40} especially.\nWould reread."` : '';
  const isbn = n % 997 === 0 ? '="0441478124"' : `="${isbn10}"`;
  const title = n % 1_009 === 0 ? '' : `"The Book of Things, Volume ${n}"`;
  return [
    n,
    title,
    `Author ${n % 3_000}`,
    `"${n % 3_000}, Author"`,
    '',
    isbn,
    `="${isbn10To13(isbn10)}"`,
    n % 6,
    '3.87',
    'Ace Books',
    'Paperback',
    100 + (n % 700),
    1950 + (n % 75),
    1900 + (n % 120),
    `2024/${1 + (n % 12)}/${1 + (n % 28)}`,
    '2023/01/02',
    'fiction',
    'fiction (#1)',
    n % 3 === 0 ? 'to-read' : 'read',
    review,
    '',
    '',
    1,
    0,
  ].join(',');
}

/** A CSV just under `maxBytes` (ASCII, so characters are bytes). */
export function goodreadsCsv(maxBytes: number): { csv: string; rows: number } {
  const lines = [HEADER];
  let size = HEADER.length + 2;
  for (let n = 1; ; n++) {
    const line = row(n);
    if (size + line.length + 2 > maxBytes) break;
    lines.push(line);
    size += line.length + 2;
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}
