// The whole offline catalogue, indexed by ISBN-13 and by normalised title for search.
import { CHILDREN } from './books-children';
import { CLASSICS } from './books-classics';
import { COMPUTING } from './books-computing';
import { DRAMA_AND_POETRY } from './books-drama-poetry';
import { GRAPHIC_NOVELS } from './books-graphic';
import { LITERARY_FICTION } from './books-literary';
import { MYSTERY_AND_HORROR } from './books-mystery-horror';
import { NONFICTION } from './books-nonfiction';
import { SPECULATIVE_FICTION } from './books-speculative';
import type { CatalogueBook } from './catalogue-book';

export const CATALOGUE: readonly CatalogueBook[] = [
  ...CLASSICS,
  ...LITERARY_FICTION,
  ...SPECULATIVE_FICTION,
  ...MYSTERY_AND_HORROR,
  ...CHILDREN,
  ...NONFICTION,
  ...COMPUTING,
  ...DRAMA_AND_POETRY,
  ...GRAPHIC_NOVELS,
];

const LEADING_ARTICLE = /^(the|a|an) /;

/** Lowercase, no diacritics, no punctuation, single spaces, no leading article. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(LEADING_ARTICLE, '');
}

/** "Sapiens: A Brief History of Humankind" is also found as "Sapiens". */
function titleKeys(title: string): string[] {
  const keys = [normalizeText(title)];
  const main = title.split(/[:(]/)[0];
  if (main && main !== title) keys.push(normalizeText(main));
  return keys;
}

export interface CatalogueIndex {
  byIsbn: ReadonlyMap<string, CatalogueBook>;
  byTitle: ReadonlyMap<string, readonly CatalogueBook[]>;
}

export function buildCatalogueIndex(books: readonly CatalogueBook[]): CatalogueIndex {
  const byIsbn = new Map<string, CatalogueBook>();
  const byTitle = new Map<string, CatalogueBook[]>();
  for (const entry of books) {
    byIsbn.set(entry.isbn13, entry);
    for (const key of titleKeys(entry.title)) {
      const list = byTitle.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byTitle.set(key, list);
    }
  }
  return { byIsbn, byTitle };
}

/** True when every word of the query author appears in one of the book's author names. */
export function authorMatches(entry: CatalogueBook, author: string): boolean {
  const words = normalizeText(author)
    .split(' ')
    .filter((w) => w.length > 1);
  if (words.length === 0) return true;
  return entry.authors.some((name) => {
    const nameWords = new Set(normalizeText(name).split(' '));
    return words.every((w) => nameWords.has(w));
  });
}

export function searchCatalogue(index: CatalogueIndex, title: string, author?: string): CatalogueBook | undefined {
  const candidates = index.byTitle.get(normalizeText(title)) ?? [];
  if (!author) return candidates[0];
  return candidates.find((entry) => authorMatches(entry, author));
}
