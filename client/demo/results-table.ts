// Renders each pipeline's results (CsvResults, EnrichmentResults, ScanResults) as one table plus a
// one-line summary; the column choice is the demo's, the row types are the generated ones.
import type { CsvResults, EnrichmentResults, PipelineType, ScanResults } from '../src/index';
import { enumText, fillTable } from './dom';

export type AnyResults = CsvResults | EnrichmentResults | ScanResults;

/** A demo table, not a data grid: big imports show their first rows only (the full data is in the results). */
export const TABLE_ROW_LIMIT = 50;

export function renderResults(
  table: HTMLTableElement,
  summary: HTMLElement,
  pipeline: PipelineType,
  results: AnyResults,
): void {
  if (pipeline === 'csv_import') return renderCsv(table, summary, results as CsvResults);
  if (pipeline === 'batch_enrichment') return renderEnrichment(table, summary, results as EnrichmentResults);
  return renderScan(table, summary, results as ScanResults);
}

function renderCsv(table: HTMLTableElement, summary: HTMLElement, results: CsvResults): void {
  const percent = Math.round(results.successRate * 100);
  summary.textContent = `${results.books.length} books imported, ${results.errors.length} ${
    results.errors.length === 1 ? 'row' : 'rows'
  } with errors (${percent} % success).`;
  const books = results.books.map((b) => [b.line, b.title, b.author, b.isbn, b.rating, b.shelf]);
  const errors = results.errors.map((e) => [
    e.line,
    `Row error: ${e.message}`,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  const rows = [...errors, ...books];
  if (rows.length > TABLE_ROW_LIMIT)
    summary.textContent += ` Showing the first ${TABLE_ROW_LIMIT} of ${rows.length} rows.`;
  fillTable(table, ['Line', 'Title', 'Author', 'ISBN', 'Rating', 'Shelf'], rows.slice(0, TABLE_ROW_LIMIT));
}

function renderEnrichment(table: HTMLTableElement, summary: HTMLElement, results: EnrichmentResults): void {
  const found = results.books.filter((b) => b.status === 'found').length;
  summary.textContent = `${found} of ${results.books.length} books found.`;
  const rows = results.books.map((b) => [
    b.index + 1,
    b.input.title,
    enumText(b.status),
    b.work?.title,
    b.authors?.map((a) => a.name).join(', '),
    b.edition?.isbn ?? b.edition?.isbns[0],
    enumText(b.provider ?? b.error?.code),
  ]);
  fillTable(table, ['#', 'Query', 'Status', 'Work', 'Authors', 'ISBN', 'Provider'], rows);
}

function renderScan(table: HTMLTableElement, summary: HTMLElement, results: ScanResults): void {
  summary.textContent = `${results.totalDetected} books detected: ${results.approved} verified, ${results.needsReview} need review.`;
  const rows = results.books.map((b) => [
    b.photoIndex + 1,
    b.title ?? b.work?.title,
    b.author ?? b.authors?.map((a) => a.name).join(', '),
    b.isbn,
    `${Math.round(b.confidence * 100)} %`,
    enumText(b.reviewStatus),
  ]);
  fillTable(table, ['Photo', 'Title', 'Author', 'ISBN', 'Confidence', 'Review'], rows);
}
