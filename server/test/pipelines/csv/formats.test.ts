// Export format recognition by header row, and column picking.
import { describe, expect, it } from 'vitest';
import { detectFormat, pickFields } from '../../../src/pipelines/csv/formats';

describe('detectFormat', () => {
  it('recognises a Goodreads export by Book Id and Exclusive Shelf', () => {
    const format = detectFormat(['Book Id', 'Title', 'Author', 'ISBN', 'ISBN13', 'My Rating', 'Exclusive Shelf']);
    expect(format).toEqual({
      source: 'goodreads',
      columns: { title: 1, author: 2, isbn: 3, isbn13: 4, rating: 5, shelf: 6 },
      isIsbnOptional: false,
    });
  });

  it('recognises a LibraryThing export by Primary Author', () => {
    expect(detectFormat(['Book Id', 'Title', 'Primary Author', 'ISBN'])).toMatchObject({
      source: 'librarything',
      columns: { title: 1, author: 2, isbn: 3 },
    });
  });

  it('recognises a StoryGraph export and treats its ISBN/UID column as optional', () => {
    expect(detectFormat(['Title', 'Authors', 'ISBN/UID', 'Read Status'])).toEqual({
      source: 'storygraph',
      columns: { title: 0, author: 1, isbn: 2, shelf: 3 },
      isIsbnOptional: true,
    });
  });

  it('reads plain title/author/isbn columns in any case and order as generic', () => {
    expect(detectFormat(['ISBN', ' Author ', 'TITLE'])).toEqual({
      source: 'generic',
      columns: { title: 2, author: 1, isbn: 0 },
      isIsbnOptional: false,
    });
  });

  it('has no format when no column names a title', () => {
    expect(detectFormat(['author', 'isbn'])).toBeUndefined();
  });
});

describe('pickFields', () => {
  it('takes trimmed non-empty cells of the mapped columns only', () => {
    const format = detectFormat(['title', 'author', 'isbn', 'notes']);
    expect(format && pickFields(format, [' Dune ', '', '0441478123', 'ignored'])).toEqual({
      title: 'Dune',
      isbn: '0441478123',
    });
  });
});
