import { describe, expect, it } from 'vitest';
import { BooksTrackApi } from '../src/api-client';
import { BooksTrackApiError, ContractViolationError } from '../src/api-error';
import { JOB_ID, TOKEN, jobState } from './support/messages';

const metadata = { timestamp: '2026-11-27T14:00:00Z', requestId: 'req-1' };

interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: SeenRequest[] = [];
  const fetchImpl = async (input: Request) => {
    seen.push({ method: input.method, url: input.url, headers: input.headers, body: await input.text() });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  };
  return { seen, fetch: fetchImpl as unknown as typeof fetch };
}

describe('BooksTrackApi', () => {
  it('posts {csv} to /api/csv/import and returns the parsed 202 envelope', async () => {
    const data = { jobId: JOB_ID, token: TOKEN, expiresAt: '2026-11-27T16:00:00Z', pipeline: 'csv_import' };
    const { seen, fetch } = fakeFetch(202, { data, metadata });
    const api = new BooksTrackApi({ baseUrl: 'https://api.example.test/', fetch });
    const result = await api.importCsv('Title,Author\nDune,Frank Herbert\n');
    expect(result.data).toEqual(data);
    expect(seen.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
      ['POST', 'https://api.example.test/api/csv/import', { csv: 'Title,Author\nDune,Frank Herbert\n' }],
    ]);
  });

  it('sends the token as a Bearer header for job-state', async () => {
    const { seen, fetch } = fakeFetch(200, { data: jobState('running'), metadata });
    const api = new BooksTrackApi({ baseUrl: 'https://api.example.test', fetch });
    const result = await api.getJobState(JOB_ID, TOKEN);
    expect(result.data.status).toBe('running');
    expect(seen[0]?.url).toBe(`https://api.example.test/api/job-state/${JOB_ID}`);
    expect(seen[0]?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('returns a job state with a field and a status it does not know instead of failing the call', async () => {
    const data = { ...jobState('running'), status: 'paused', pausedBy: 'operator' };
    const { fetch } = fakeFetch(200, { data, metadata: { ...metadata, region: 'eu' } });
    const api = new BooksTrackApi({ baseUrl: 'https://api.example.test', fetch });
    const result = await api.getJobState(JOB_ID, TOKEN);
    expect(result).toEqual({
      data: { ...data, status: { unknown: 'paused' } },
      metadata: { ...metadata, region: 'eu' },
    });
  });

  it('throws BooksTrackApiError with an error code it does not know as { unknown }', async () => {
    const envelope = { data: null, metadata, error: { code: 'QUOTA_EXCEEDED', message: 'Monthly quota used up' } };
    const { fetch } = fakeFetch(403, envelope);
    const api = new BooksTrackApi({ baseUrl: 'https://api.example.test', fetch });
    const error = await api.getJobState(JOB_ID, TOKEN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BooksTrackApiError);
    expect(error).toMatchObject({ status: 403, code: { unknown: 'QUOTA_EXCEEDED' } });
  });

  it('uploads a file as multipart field file', async () => {
    const data = { jobId: JOB_ID, token: TOKEN, expiresAt: '2026-11-27T16:00:00Z', pipeline: 'csv_import' };
    const { seen, fetch } = fakeFetch(202, { data, metadata });
    const api = new BooksTrackApi({ baseUrl: 'https://api.example.test', fetch });
    await api.importCsvFile(new Blob(['Title\nDune\n'], { type: 'text/csv' }), 'books.csv');
    expect(seen[0]?.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]?.body).toContain('name="file"; filename="books.csv"');
  });

  it('throws BooksTrackApiError with the contract code and Retry-After on a 429 envelope', async () => {
    const envelope = {
      data: null,
      metadata,
      error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many jobs', details: { retryAfterSeconds: 42 } },
    };
    const { fetch } = fakeFetch(429, envelope, { 'Retry-After': '42' });
    const api = new BooksTrackApi({ baseUrl: 'https://api.example.test', fetch });
    const error = await api.startEnrichmentBatch({ books: [{ title: 'Dune' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BooksTrackApiError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: 42 });
  });

  it('throws ContractViolationError when a success body breaks the schema', async () => {
    const { fetch } = fakeFetch(200, { data: { status: 'ok' }, metadata });
    const api = new BooksTrackApi({ baseUrl: 'https://api.example.test', fetch });
    const error = await api.getHealth().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).issues.map((i) => i.path)).toEqual(['data.version']);
  });

  it('picks the results operation from the pipeline', async () => {
    const data = { books: [], errors: [], successRate: 1, expiresAt: '2026-11-28T14:00:00Z' };
    const { seen, fetch } = fakeFetch(200, { data, metadata });
    const api = new BooksTrackApi({ baseUrl: 'https://api.example.test', fetch });
    await api.getResults('csv_import', JOB_ID, TOKEN);
    expect(seen[0]?.url).toBe(`https://api.example.test/v1/csv/results/${JOB_ID}`);
  });
});
