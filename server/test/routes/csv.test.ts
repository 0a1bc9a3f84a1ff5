// importCsv and getCsvResults: the three upload forms, validation, and results of a finished job.
import { describe, expect, it } from 'vitest';
import {
  authorized,
  call,
  driveJobsByAlarms,
  expectResponse,
  generatedCsv,
  postJson,
  startCsvJob,
  waitUntilFinished,
} from '../helpers/http';

driveJobsByAlarms();

const GOODREADS = [
  'Book Id,Title,Author,ISBN,ISBN13,My Rating,Exclusive Shelf,Date Read',
  '1,Dune,Frank Herbert,="0441478123",="9780441478125",5,read,2023/05/14',
  '2,,Nobody,,,0,read,',
  '3,Kindred,Octavia E. Butler,="",="9780807083697",4,read,',
].join('\n');

describe('POST /api/csv/import', () => {
  it('accepts a JSON body and answers 202 with a csv_import job and token', async () => {
    const body = await expectResponse(await postJson('/api/csv/import', { csv: GOODREADS }), 'importCsv', 202);
    expect(body.data.pipeline).toBe('csv_import');
    expect(Date.parse(body.data.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('accepts a text/csv body', async () => {
    const response = await call('/api/csv/import', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      body: GOODREADS,
    });
    expect((await expectResponse(response, 'importCsv', 202)).data.pipeline).toBe('csv_import');
  });

  it('accepts a multipart upload in the file field', async () => {
    const form = new FormData();
    form.append('file', new File([GOODREADS], 'goodreads.csv', { type: 'text/csv' }));
    expect(
      (await expectResponse(await call('/api/csv/import', { method: 'POST', body: form }), 'importCsv', 202)).data
        .pipeline,
    ).toBe('csv_import');
  });

  it('answers 400 MISSING_PARAMETER for a multipart upload without the file field', async () => {
    const form = new FormData();
    form.append('other', 'x');
    const body = await expectResponse(await call('/api/csv/import', { method: 'POST', body: form }), 'importCsv', 400);
    expect(body.error).toEqual({ code: 'MISSING_PARAMETER', message: 'Form field "file" is required' });
  });

  it('answers 400 INVALID_REQUEST with issues for a JSON body without csv', async () => {
    const body = await expectResponse(await postJson('/api/csv/import', { file: 'x' }), 'importCsv', 400);
    expect(body.error.code).toBe('INVALID_REQUEST');
    expect(body.error.details?.issues?.map((issue) => issue.path).sort()).toEqual(['', 'csv']);
  });

  it('answers 400 INVALID_REQUEST for malformed JSON', async () => {
    const response = await call('/api/csv/import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"csv": ',
    });
    expect((await expectResponse(response, 'importCsv', 400)).error.message).toBe('Request body is not valid JSON');
  });

  it('answers 400 INVALID_REQUEST for an empty text/csv body', async () => {
    const response = await call('/api/csv/import', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: '',
    });
    expect((await expectResponse(response, 'importCsv', 400)).error.details?.issues?.[0]?.path).toBe('csv');
  });

  it('answers 400 INVALID_REQUEST when no header names a title column', async () => {
    const body = await expectResponse(
      await postJson('/api/csv/import', { csv: 'author,isbn\nHerbert,0441478123\n' }),
      'importCsv',
      400,
    );
    expect(body.error).toEqual({
      code: 'INVALID_REQUEST',
      message: 'The CSV has no header row naming a title column',
      details: { issues: [{ path: 'csv', message: 'first row must be a header with a Title column' }] },
    });
  });
});

describe('GET /v1/csv/results/{jobId}', () => {
  it('returns the parsed books and the row errors with line numbers once the job completed', async () => {
    const job = await startCsvJob(GOODREADS);
    expect(await waitUntilFinished(job)).toBe('completed');
    const body = await expectResponse(
      await call(`/v1/csv/results/${job.jobId}`, authorized(job.token)),
      'getCsvResults',
      200,
    );
    expect(body.data.books.map((book) => [book.line, book.title, book.isbn])).toEqual([
      [2, 'Dune', '9780441478125'],
      [4, 'Kindred', '9780807083697'],
    ]);
    expect(body.data.errors).toEqual([{ line: 3, message: 'missing title' }]);
    expect(body.data.successRate).toBeCloseTo(2 / 3);
    expect(Date.parse(body.data.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('answers 409 CONFLICT while the job has not completed', async () => {
    const job = await startCsvJob(generatedCsv(20_000));
    const body = await expectResponse(
      await call(`/v1/csv/results/${job.jobId}`, authorized(job.token)),
      'getCsvResults',
      409,
    );
    expect(body.error.code).toBe('CONFLICT');
  });

  it('answers 401 AUTH_ERROR without a bearer token and with a wrong one', async () => {
    const job = await startCsvJob(GOODREADS);
    expect((await expectResponse(await call(`/v1/csv/results/${job.jobId}`), 'getCsvResults', 401)).error.code).toBe(
      'AUTH_ERROR',
    );
    const wrong = authorized('5b0e7c9a-3f0d-4d6e-9a61-2c8f1e4b7d30');
    expect(
      (await expectResponse(await call(`/v1/csv/results/${job.jobId}`, wrong), 'getCsvResults', 401)).error.code,
    ).toBe('AUTH_ERROR');
  });

  it('answers 404 NOT_FOUND for an unknown job and 400 for a malformed job id', async () => {
    const token = authorized('5b0e7c9a-3f0d-4d6e-9a61-2c8f1e4b7d30');
    expect(
      (await expectResponse(await call(`/v1/csv/results/${crypto.randomUUID()}`, token), 'getCsvResults', 404)).error
        .code,
    ).toBe('NOT_FOUND');
    const body = await expectResponse(await call('/v1/csv/results/short', token), 'getCsvResults', 400);
    expect(body.error.details?.issues?.[0]?.path).toBe('jobId');
  });
});
