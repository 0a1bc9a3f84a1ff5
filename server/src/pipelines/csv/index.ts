// The csv_import pipeline: plan parses the file into one work item per row (malformed rows become
// preset failures), steps validate rows into ParsedBooks, and the results list books and row errors.
import { ERROR_CODE, LIMITS } from '@bookstrack/generated/constants';
import type {
  ApiError,
  CsvImportAccepted,
  CsvImportRequest,
  CsvResults,
  CsvRowError,
  ErrorCode,
  ParsedBook,
} from '@bookstrack/generated/schemas';
import type { JobType } from '../job-type';
import {
  JobInputError,
  type ItemOutcome,
  type JobInput,
  type Pipeline,
  type PlannedJob,
  type StoredOutcome,
  type WorkItem,
} from '../pipeline';
import { exceedsUtf8Bytes } from './byte-size';
import { detectFormat, pickFields, type CsvSource, type RowFields } from './formats';
import { MAX_RAW_CHARS } from './limits';
import { mapRow } from './map-row';
import { parseCsv, readHeader } from './parse-records';

/** Rows validated per alarm-driven step: cheap work, so a step stays well under a second. */
export const CSV_STEP_SIZE = 500;

// Rough CPU cost of one row, for job_started.estimatedDurationMs.
const ESTIMATED_MS_PER_ROW = 0.05;

export interface CsvRowItem {
  line: number;
  source: CsvSource;
  fields: RowFields;
  isIsbnOptional: boolean;
}

export interface CsvMalformedItem {
  line: number;
  malformed: { message: string; raw: string };
}

export type CsvItem = CsvRowItem | CsvMalformedItem;

function failure(code: ErrorCode, error: CsvRowError): ItemOutcome {
  const apiError: ApiError = { code, message: `Line ${error.line}: ${error.message}`, details: { line: error.line } };
  return { ok: false, error: apiError, value: { ...error } };
}

function malformedOutcome(item: CsvMalformedItem): ItemOutcome {
  return failure(ERROR_CODE.INVALID_REQUEST, {
    line: item.line,
    message: item.malformed.message,
    raw: item.malformed.raw,
  });
}

function isMalformed(item: CsvItem): item is CsvMalformedItem {
  return 'malformed' in item;
}

/** Parses the whole CSV into work items; pure, so the DO and the benchmark call it alike. */
export function planCsv(csv: string): PlannedJob {
  const parsed = parseCsv(csv);
  const format = parsed.header === undefined ? undefined : detectFormat(parsed.header);
  const items: CsvItem[] = [];
  if (format === undefined) {
    const raw = (parsed.header ?? []).join(',').slice(0, MAX_RAW_CHARS);
    items.push({ line: parsed.headerLine ?? 1, malformed: { message: 'no title column in the header row', raw } });
  } else {
    for (const entry of parsed.entries) {
      items.push(
        entry.kind === 'record'
          ? {
              line: entry.line,
              source: format.source,
              fields: pickFields(format, entry.cells),
              isIsbnOptional: format.isIsbnOptional,
            }
          : { line: entry.line, malformed: { message: entry.message, raw: entry.raw } },
      );
    }
  }
  const presetOutcomes = new Map<number, ItemOutcome>();
  items.forEach((item, index) => {
    if (isMalformed(item)) presetOutcomes.set(index, malformedOutcome(item));
  });
  return {
    items: items as unknown as WorkItem[],
    presetOutcomes,
    totalCount: items.length,
    estimatedDurationMs: Math.ceil(items.length * ESTIMATED_MS_PER_ROW),
  };
}

/** Validates one planned row. */
export function runCsvItem(item: CsvItem): ItemOutcome {
  if (isMalformed(item)) return malformedOutcome(item);
  const outcome = mapRow(item);
  return outcome.ok ? { ok: true, value: outcome.book } : failure(outcome.code, outcome.error);
}

/** Books and row errors in file order; successRate is books over rows (0 when there are no rows). */
export function buildCsvResults(outcomes: readonly StoredOutcome[]): Omit<CsvResults, 'expiresAt'> {
  const sorted = [...outcomes].sort((a, b) => a.index - b.index);
  const books: ParsedBook[] = [];
  const errors: CsvRowError[] = [];
  for (const { outcome } of sorted) {
    if (outcome.ok) books.push(outcome.value as unknown as ParsedBook);
    else errors.push(rowErrorOf(outcome));
  }
  const total = books.length + errors.length;
  return { books, errors, successRate: total === 0 ? 0 : books.length / total };
}

function rowErrorOf(outcome: Extract<ItemOutcome, { ok: false }>): CsvRowError {
  if (outcome.value !== undefined) return outcome.value as unknown as CsvRowError;
  const line = Number(outcome.error.details?.['line'] ?? 1);
  return { line, message: outcome.error.message };
}

export const csvImportPipeline: Pipeline = {
  type: 'csv_import',
  stepSize: CSV_STEP_SIZE,
  plan(input: JobInput): PlannedJob {
    if (input.pipeline !== 'csv_import') throw new Error(`csv pipeline cannot plan ${input.pipeline}`);
    return planCsv(input.csv);
  },
  async runStep(items: WorkItem[]): Promise<ItemOutcome[]> {
    return (items as unknown as CsvItem[]).map(runCsvItem);
  },
  describeItem(item: WorkItem): string {
    const csvItem = item as unknown as CsvItem;
    return isMalformed(csvItem)
      ? `Line ${csvItem.line}: malformed row`
      : `Line ${csvItem.line}: ${csvItem.fields.title ?? 'untitled'}`;
  },
  buildResults: buildCsvResults,
};

/** The file's size (a JSON body may carry more than 10 MB of text) and its header row. */
function checkCsv(csv: string): void {
  if (exceedsUtf8Bytes(csv, LIMITS.CSV_MAX_BYTES)) {
    throw new JobInputError(ERROR_CODE.FILE_TOO_LARGE, `The CSV file is larger than ${LIMITS.CSV_MAX_BYTES} bytes`, {
      maxBytes: LIMITS.CSV_MAX_BYTES,
    });
  }
  const header = readHeader(csv);
  if (header === undefined || detectFormat(header) === undefined) {
    throw new JobInputError(ERROR_CODE.INVALID_REQUEST, 'The CSV has no header row naming a title column', {
      issues: [{ path: 'csv', message: 'first row must be a header with a Title column' }],
    });
  }
}

/** importCsv / getCsvResults: JSON `{csv}`, a text/csv body, or a multipart `file`. */
export const csvImportJob: JobType<CsvImportRequest, CsvImportAccepted> = {
  pipeline: csvImportPipeline,
  startOperationId: 'importCsv',
  resultsOperationId: 'getCsvResults',
  textForms: { field: 'csv', maxBytes: LIMITS.CSV_MAX_BYTES, textMediaType: 'text/csv', multipartFileField: 'file' },
  toInput(body) {
    checkCsv(body.csv);
    return { pipeline: 'csv_import', csv: body.csv };
  },
  accepted: ({ jobId, token, expiresAt }) => ({ jobId, token, expiresAt, pipeline: 'csv_import' }),
};
