// Record splitting with physical line numbers and recovery from malformed rows.
import { describe, expect, it } from 'vitest';
import { parseCsv, readHeader } from '../../../src/pipelines/csv/parse-records';

function lines(csv: string) {
  return parseCsv(csv).entries.map((entry) =>
    entry.kind === 'record' ? [entry.line, entry.cells[0]] : [entry.line, entry.message],
  );
}

describe('parseCsv', () => {
  it('numbers records by the physical line they start on, header on line 1', () => {
    const parsed = parseCsv('title,author\nDune,Herbert\nEmma,Austen\n');
    expect(parsed.header).toEqual(['title', 'author']);
    expect(lines('title,author\nDune,Herbert\nEmma,Austen\n')).toEqual([
      [2, 'Dune'],
      [3, 'Emma'],
    ]);
  });

  it('counts lines inside quoted multi-line fields and skips blank lines', () => {
    const csv = 'title,review\n\n"Dune","great\nbook"\n   \nEmma,fine';
    expect(lines(csv)).toEqual([
      [3, 'Dune'],
      [6, 'Emma'],
    ]);
  });

  it('gives the same line numbers for CRLF, including CRLF inside quotes', () => {
    const csv = 'title,review\r\n"Dune","great\r\nbook"\r\n\r\nEmma,fine\r\n';
    expect(lines(csv)).toEqual([
      [2, 'Dune'],
      [5, 'Emma'],
    ]);
    expect(parseCsv(csv).entries[0]).toMatchObject({ cells: ['Dune', 'great\nbook'] });
  });

  it('strips a UTF-8 byte order mark from the first header cell', () => {
    expect(parseCsv('\uFEFFtitle,author\nDune,Herbert').header).toEqual(['title', 'author']);
  });

  it('reports a row with the wrong number of fields and keeps the rows around it', () => {
    const parsed = parseCsv('title,author\nDune,Herbert\nEmma,Austen,extra\nBeloved,Morrison\n');
    expect(parsed.entries).toEqual([
      { kind: 'record', line: 2, cells: ['Dune', 'Herbert'] },
      { kind: 'malformed', line: 3, message: 'expected 2 fields, found 3', raw: 'Emma,Austen,extra' },
      { kind: 'record', line: 4, cells: ['Beloved', 'Morrison'] },
    ]);
  });

  it('reports an unclosed quote at the end of the file and keeps every row before it', () => {
    expect(lines('title,author\nDune,Herbert\n"Emma,Austen\nBeloved,Morrison\n')).toEqual([
      [2, 'Dune'],
      [3, 'quote opened here is never closed'],
      [4, 'Beloved'],
    ]);
  });

  it('resynchronises after a quote that swallows following rows', () => {
    const csv = 'title,author\n"Emma,Austen\nDune,"Herbert"\nBeloved,Morrison\n';
    const parsed = parseCsv(csv);
    expect(parsed.entries[0]).toEqual({
      kind: 'malformed',
      line: 2,
      message: 'unbalanced quote (expected 2 fields, found 1 across lines 2-3)',
      raw: '"Emma,Austen',
    });
    expect(lines(csv).slice(1)).toEqual([
      [3, 'Dune'],
      [4, 'Beloved'],
    ]);
  });

  it('keeps quotes that appear inside an unquoted field', () => {
    expect(parseCsv('title,author\nThe "Best" Book,Anon').entries[0]).toMatchObject({
      cells: ['The "Best" Book', 'Anon'],
    });
  });

  it('truncates the raw text of a malformed row to 1 KB', () => {
    const parsed = parseCsv(`title,author\n${'x'.repeat(3000)},a,b\n`);
    expect(parsed.entries[0]).toMatchObject({ kind: 'malformed', line: 2 });
    expect(parsed.entries[0]?.kind === 'malformed' && parsed.entries[0].raw.length).toBe(1024);
  });

  it('has no header and no entries for an empty document', () => {
    expect(parseCsv('')).toEqual({ entries: [] });
    expect(parseCsv('\n\n')).toEqual({ entries: [] });
  });
});

describe('readHeader', () => {
  it('reads the first non-blank row only', () => {
    expect(readHeader('\uFEFF\n"Book Id",Title,Author\n1,Dune,Herbert')).toEqual(['Book Id', 'Title', 'Author']);
  });
  it('has no header for blank text', () => {
    expect(readHeader('  \n')).toBeUndefined();
  });
});
