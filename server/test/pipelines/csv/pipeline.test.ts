// The csv_import pipeline end to end in memory: plan → steps → results.
import { describe, expect, it } from 'vitest';
import { CsvResultsSchema } from '@bookstrack/generated/schemas';
import { buildCsvResults, csvImportPipeline } from '../../../src/pipelines/csv';
import type { StoredOutcome } from '../../../src/pipelines/pipeline';
import { createTroubleLog } from '../../../src/pipelines/step-trouble';
import { GOODREADS_CSV, LIBRARYTHING_CSV, STORYGRAPH_CSV } from './fixtures';

const env = {} as never;
const ctx = { env, now: () => 0, signal: new AbortController().signal, trouble: createTroubleLog() };

/** Runs a CSV through the pipeline the way the engine does: preset outcomes first, steps for the rest. */
async function importCsv(csv: string) {
  const planned = await csvImportPipeline.plan({ pipeline: 'csv_import', csv }, env);
  const outcomes: StoredOutcome[] = [];
  for (let start = 0; start < planned.items.length; start += csvImportPipeline.stepSize) {
    const slice = planned.items.slice(start, start + csvImportPipeline.stepSize);
    const results = await csvImportPipeline.runStep(slice, ctx);
    results.forEach((outcome, i) =>
      outcomes.push({ index: start + i, outcome: planned.presetOutcomes?.get(start + i) ?? outcome }),
    );
  }
  const results = buildCsvResults(outcomes);
  // Every results document must satisfy the contract once the engine adds expiresAt.
  CsvResultsSchema.parse({ ...results, expiresAt: '2026-01-01T00:00:00.000Z' });
  return { planned, results };
}

describe('csvImportPipeline', () => {
  it('imports a Goodreads export: unwraps ISBNs, maps fields, reports the bad checksum by line', async () => {
    const { planned, results } = await importCsv(GOODREADS_CSV);
    expect(planned.totalCount).toBe(3);
    expect(results).toEqual({
      books: [
        {
          title: 'Dune',
          line: 2,
          author: 'Frank Herbert',
          isbn: '9780441478125',
          isbn10: '0441478123',
          publisher: 'Ace',
          publicationYear: 1990,
          rating: 5,
          shelf: 'read',
          dateRead: '2023-05-14',
          source: 'goodreads',
        },
        {
          title: 'Emma',
          line: 4,
          author: 'Jane Austen',
          publisher: 'Penguin',
          publicationYear: 2003,
          shelf: 'to-read',
          source: 'goodreads',
        },
      ],
      errors: [{ line: 5, message: 'ISBN "0441478124" is invalid: ISBN-10 checksum does not match' }],
      successRate: 2 / 3,
    });
  });

  it('imports a LibraryThing export: bracketed ISBN, publisher and first collection', async () => {
    const { results } = await importCsv(LIBRARYTHING_CSV);
    expect(results.books).toEqual([
      {
        title: 'The Left Hand of Darkness',
        line: 2,
        author: 'Le Guin, Ursula K.',
        isbn: '9780441478125',
        isbn10: '0441478123',
        publisher: 'Ace',
        publicationYear: 1969,
        rating: 4.5,
        shelf: 'Your library',
        dateRead: '2022-11-03',
        source: 'librarything',
      },
    ]);
  });

  it('imports a StoryGraph export and ignores a non-ISBN UID', async () => {
    const { results } = await importCsv(STORYGRAPH_CSV);
    expect(results.errors).toEqual([]);
    expect(results.books).toEqual([
      {
        title: 'Piranesi',
        line: 2,
        author: 'Susanna Clarke',
        isbn: '9781635575637',
        isbn10: '163557563X',
        rating: 4.75,
        shelf: 'read',
        dateRead: '2021-03-04',
        source: 'storygraph',
      },
      { title: 'Untracked', line: 3, author: 'Someone', shelf: 'to-read', source: 'storygraph' },
    ]);
  });

  it('reports missing titles and malformed rows with their lines and keeps the good rows', async () => {
    const csv =
      'title,author,isbn\nDune,Herbert,\n,Nobody,\nEmma,Austen\n"Beloved,Morrison,\nKindred,Butler,978-0-8070-8369-7\n';
    const { planned, results } = await importCsv(csv);
    expect(planned.presetOutcomes?.size).toBe(2);
    expect(results.books.map((b) => [b.line, b.title, b.isbn])).toEqual([
      [2, 'Dune', undefined],
      [6, 'Kindred', '9780807083697'],
    ]);
    expect(results.errors).toEqual([
      { line: 3, message: 'missing title' },
      { line: 4, message: 'expected 3 fields, found 2', raw: 'Emma,Austen' },
      { line: 5, message: 'quote opened here is never closed', raw: '"Beloved,Morrison,' },
    ]);
    expect(results.successRate).toBe(0.4);
  });

  it('gives failed rows an ApiError with the contract code and the line in details', async () => {
    const items = [{ line: 9, source: 'generic', fields: { title: 'X', isbn: '12' }, isIsbnOptional: false }];
    const [outcome] = await csvImportPipeline.runStep(items, ctx);
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ISBN',
        message: 'Line 9: ISBN "12" is invalid: not a 10- or 13-digit ISBN',
        details: { line: 9 },
      },
      value: { line: 9, message: 'ISBN "12" is invalid: not a 10- or 13-digit ISBN' },
    });
  });

  it('reports a header without a title column as one error on line 1', async () => {
    const { results } = await importCsv('author,isbn\nHerbert,0441478123\n');
    expect(results).toEqual({
      books: [],
      errors: [{ line: 1, message: 'no title column in the header row', raw: 'author,isbn' }],
      successRate: 0,
    });
  });

  it('caps long author names and rejects titles over 500 characters', async () => {
    const csv = `title,author\n${'t'.repeat(501)},a\nDune,${'a'.repeat(400)}\n`;
    const { results } = await importCsv(csv);
    expect(results.errors).toEqual([{ line: 2, message: 'title longer than 500 characters' }]);
    expect(results.books[0]?.author).toHaveLength(300);
  });

  it('describes an item by line and title for progress messages', () => {
    expect(
      csvImportPipeline.describeItem({ line: 7, source: 'generic', fields: { title: 'Dune' }, isIsbnOptional: false }),
    ).toBe('Line 7: Dune');
  });
});
