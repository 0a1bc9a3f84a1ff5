// Splits CSV text into records with their physical line numbers using csv-parse, recovering
// from malformed rows (unbalanced quotes, wrong field counts) so the good rows are kept.
import { CsvError, parse } from 'csv-parse/sync';
import { MAX_RAW_CHARS } from './limits';

export interface CsvRecord {
  kind: 'record';
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvMalformed {
  kind: 'malformed';
  line: number;
  message: string;
  raw: string;
}

export type CsvEntry = CsvRecord | CsvMalformed;

export interface ParsedCsv {
  /** Cells of the first non-blank record; undefined for an empty file. */
  header?: string[];
  headerLine?: number;
  /** Data records and malformed rows, in file order. */
  entries: CsvEntry[];
}

/** Thrown from on_record to stop the parser and resume just after a suspect record's first line. */
class Resync extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

interface ExtendedRecord {
  record: string[];
  raw: string;
}

class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
      this.starts.push(i + 1);
    }
  }
  get count(): number {
    return this.text.length === 0 ? 0 : this.starts.length;
  }
  offsetOf(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }
  textOf(line: number): string {
    const start = this.offsetOf(line);
    const end = line < this.starts.length ? this.offsetOf(line + 1) - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\n$/, '').slice(0, MAX_RAW_CHARS);
  }
  /** First line after `line` holding something other than whitespace. */
  nextNonBlank(line: number): number {
    let next = line + 1;
    while (next < this.count && this.textOf(next).trim() === '') next++;
    return next;
  }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Physical lines a record spans beyond its first: newlines inside quoted fields. */
function innerLineBreaks(raw: string): number {
  // raw starts with the newlines of skipped empty lines and ends with the record delimiter.
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  let count = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) count++;
  return count;
}

function describeCsvError(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'quote opened here is never closed';
  return `malformed CSV (${error.code})`;
}

/** Parses from `firstLine` to the end or to the first unrecoverable row; returns the line to resume at. */
function parseFrom(text: string, lines: LineIndex, firstLine: number, out: ParsedCsv): number | undefined {
  let lastEnd = firstLine - 1;
  try {
    parse(text.slice(lines.offsetOf(firstLine)), {
      raw: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], info: { lines: number }) => {
        // With `raw: true` csv-parse hands over { record, raw } despite its typings.
        const ext = record as unknown as ExtendedRecord;
        const end = firstLine - 1 + info.lines;
        const start = end - innerLineBreaks(ext.raw);
        lastEnd = end;
        acceptRecord(out, ext.record, start, end, lines);
        return null;
      },
    });
    return undefined;
  } catch (error) {
    if (error instanceof Resync) {
      out.entries.push({ kind: 'malformed', line: error.line, message: error.reason, raw: lines.textOf(error.line) });
      return error.line + 1;
    }
    if (error instanceof CsvError) {
      const line = lines.nextNonBlank(lastEnd);
      out.entries.push({ kind: 'malformed', line, message: describeCsvError(error), raw: lines.textOf(line) });
      return line + 1;
    }
    throw error;
  }
}

function acceptRecord(out: ParsedCsv, cells: string[], start: number, end: number, lines: LineIndex): void {
  if (isBlank(cells)) return;
  if (out.header === undefined) {
    out.header = cells;
    out.headerLine = start;
    return;
  }
  const expected = out.header.length;
  if (cells.length === expected) {
    out.entries.push({ kind: 'record', line: start, cells });
    return;
  }
  const counts = `expected ${expected} fields, found ${cells.length}`;
  // A wrong count across several lines means a quote swallowed the next rows: resync after it.
  if (end > start) throw new Resync(start, `unbalanced quote (${counts} across lines ${start}-${end})`);
  out.entries.push({ kind: 'malformed', line: start, message: counts, raw: lines.textOf(start) });
}

/** Parses a whole CSV document (BOM and CRLF tolerated) into header, records and malformed rows. */
export function parseCsv(input: string): ParsedCsv {
  const text = normalise(input);
  const lines = new LineIndex(text);
  const out: ParsedCsv = { entries: [] };
  let next: number | undefined = 1;
  while (next !== undefined && next <= lines.count) next = parseFrom(text, lines, next, out);
  return out;
}

/** Reads only the header row (a cheap check before a job is started). */
export function readHeader(input: string): string[] | undefined {
  const prefix = normalise(input.slice(0, 64 * 1024));
  const firstLine = prefix.split('\n').find((line) => line.trim() !== '');
  if (firstLine === undefined) return undefined;
  try {
    const [cells] = parse(firstLine, { relax_quotes: true }) as string[][];
    return cells;
  } catch {
    return undefined;
  }
}

function normalise(input: string): string {
  // Normalised newlines keep csv-parse's line counter exact (CRLF inside quotes is miscounted).
  return input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
