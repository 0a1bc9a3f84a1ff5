// One fast-check arbitrary of HTTP requests per OpenAPI operation, valid and invalid, built from the
// bundled openapi.json. Each case carries the statuses its own situation allows (e.g. a foreign token
// must get 401), on top of the contract check that the status is documented and the body valid.
import openApiDocument from '@bookstrack/generated/openapi.json';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import type { PipelineType } from '@bookstrack/generated/schemas';
import fc from 'fast-check';
import type { z } from 'zod';
import { invalidValue, validValue, type JsonSchema } from './schema-arbitrary';

export interface HttpCase {
  /** The operation the path and method belong to; `unrouted` for paths/methods no operation serves. */
  operationId: OperationId | 'unrouted';
  /** What kind of request this is, for the per-label tallies (`body:invalid`, `auth:foreign`...). */
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Built at send time, so a 10 MB body is not kept in every sampled case. */
  body?: () => BodyInit;
  /** Statuses this particular request may get (always a subset of, or checked against, the documented ones). */
  allowed: number[];
}

export interface FuzzJob {
  jobId: string;
  token: string;
  pipeline: PipelineType;
}

interface OpenApiOperation {
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

const document = openApiDocument as unknown as { paths: Record<string, Record<string, OpenApiOperation>> };
const JSON_TYPE = { 'Content-Type': 'application/json' };
const RESULTS_PIPELINE = {
  getCsvResults: 'csv_import',
  getEnrichmentResults: 'batch_enrichment',
  getScanResults: 'ai_scan',
} as const;
const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/u;

function specOperation(operationId: OperationId): OpenApiOperation {
  const { path, method } = OPERATIONS[operationId];
  return document.paths[path]?.[method.toLowerCase()] as OpenApiOperation;
}

function jsonSchemaOf(operationId: OperationId): JsonSchema {
  const content = specOperation(operationId).requestBody?.content['application/json'];
  if (!content) throw new Error(`${operationId} has no JSON request body in openapi.json`);
  return content.schema;
}

function zodOf(operationId: OperationId): z.ZodType {
  return (OPERATIONS[operationId] as { requestBody: { 'application/json': z.ZodType } }).requestBody[
    'application/json'
  ];
}

/** Schema-valid JSON bodies of an operation (a draw the generated validator refuses is dropped). */
function validBody(operationId: OperationId): fc.Arbitrary<unknown> {
  const schema = zodOf(operationId);
  return validValue(openApiDocument, jsonSchemaOf(operationId)).filter((value) => schema.safeParse(value).success);
}

/** Schema-invalid JSON bodies (proved invalid by the generated validator). */
function invalidBody(operationId: OperationId): fc.Arbitrary<unknown> {
  const schema = zodOf(operationId);
  return invalidValue(openApiDocument, jsonSchemaOf(operationId)).filter((value) => !schema.safeParse(value).success);
}

const malformedJson = fc.constantFrom('{', '{"books": [}', 'not json', '[1,2', '{"csv": "a",}', '\u0000', '');
const wrongContentType = fc.constantFrom<Record<string, string>>(
  { 'Content-Type': 'text/plain' },
  { 'Content-Type': 'application/xml' },
  { 'Content-Type': 'application/x-www-form-urlencoded' },
  {},
);

function isbn13(digits: number[]): string {
  const body = [9, 7, 8, ...digits.slice(0, 9)];
  const sum = body.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 3), 0);
  return [...body, (10 - (sum % 10)) % 10].join('');
}

const validIsbn = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map(isbn13);
const cell = fc.string({ maxLength: 24 }).map((s) => `"${s.replaceAll('"', '""')}"`);
/** A CSV with a header row naming a title column: the server must accept it. */
const goodCsv = fc
  .array(fc.tuple(cell, cell, fc.option(validIsbn, { nil: '' })), { minLength: 0, maxLength: 12 })
  .map((rows) => ['title,author,isbn', ...rows.map((r) => r.join(','))].join('\n'));

const badJobIdSegment = fc
  .string({ minLength: 1, maxLength: 80 })
  .filter((s) => !JOB_ID_PATTERN.test(s) && !/^\.+$/.test(s) && s.trim() === s)
  .map(encodeURIComponent);
const randomJobId = fc.stringMatching(JOB_ID_PATTERN);

function jsonCase(
  operationId: OperationId,
  label: string,
  allowed: number[],
  body: fc.Arbitrary<unknown>,
): fc.Arbitrary<HttpCase> {
  const { method, path } = OPERATIONS[operationId];
  return body.map((value) => ({
    operationId,
    label,
    method,
    path,
    headers: JSON_TYPE,
    body: () => JSON.stringify(value),
    allowed,
  }));
}

function rawCase(
  operationId: OperationId,
  label: string,
  allowed: number[],
  headers: fc.Arbitrary<Record<string, string>>,
  text: fc.Arbitrary<string>,
): fc.Arbitrary<HttpCase> {
  const { method, path } = OPERATIONS[operationId];
  return fc
    .tuple(headers, text)
    .map(([h, t]) => ({ operationId, label, method, path, headers: h, body: () => t, allowed }));
}

function importCsvCases(): fc.Arbitrary<HttpCase> {
  const csvType = fc.constant({ 'Content-Type': 'text/csv' });
  const multipart = (field: string) =>
    goodCsv.map((csv): HttpCase => ({
      operationId: 'importCsv',
      label: `multipart:${field}`,
      method: 'POST',
      path: OPERATIONS.importCsv.path,
      headers: {},
      body: () => {
        const form = new FormData();
        form.set(field, new Blob([csv], { type: 'text/csv' }), 'export.csv');
        return form;
      },
      allowed: field === 'file' ? [202] : [400],
    }));
  const oversize = fc.constant<HttpCase>({
    operationId: 'importCsv',
    label: 'text/csv:over-10MB',
    method: 'POST',
    path: OPERATIONS.importCsv.path,
    headers: { 'Content-Type': 'text/csv' },
    body: () => `title\n${'x'.repeat(10 * 1024 * 1024)}\n`,
    allowed: [413],
  });
  const everyday = fc.oneof(
    jsonCase(
      'importCsv',
      'body:valid-good-csv',
      [202],
      goodCsv.map((csv) => ({ csv })),
    ),
    jsonCase('importCsv', 'body:valid', [202, 400], validBody('importCsv')),
    jsonCase('importCsv', 'body:invalid', [400], invalidBody('importCsv')),
    rawCase('importCsv', 'text/csv:good', [202], csvType, goodCsv),
    rawCase('importCsv', 'text/csv:any', [202, 400], csvType, fc.string({ unit: 'binary', maxLength: 200 })),
    multipart('file'),
    multipart('upload'),
    rawCase('importCsv', 'body:malformed-json', [400], fc.constant(JSON_TYPE), malformedJson),
    rawCase('importCsv', 'content-type:wrong', [415], wrongContentType, goodCsv),
  );
  // A 10 MB upload is worth sending, but rarely: it costs a hundred ordinary requests.
  return fc.oneof({ arbitrary: everyday, weight: 150 }, { arbitrary: oversize, weight: 1 });
}

function enrichmentCases(jobs: fc.Arbitrary<FuzzJob>): fc.Arbitrary<HttpCase> {
  const book = fc.record(
    { title: fc.string({ minLength: 1, maxLength: 60 }), isbn: validIsbn },
    { requiredKeys: ['title'] },
  );
  return fc.oneof(
    jsonCase('startEnrichmentBatch', 'body:valid', [202, 400, 409], validBody('startEnrichmentBatch')),
    jsonCase(
      'startEnrichmentBatch',
      'body:valid-isbns',
      [202],
      fc.array(book, { minLength: 1, maxLength: 5 }).map((books) => ({ books })),
    ),
    jsonCase(
      'startEnrichmentBatch',
      'body:taken-job-id',
      [409],
      jobs.map((job) => ({ books: [{ title: 'Dune' }], jobId: job.jobId })),
    ),
    jsonCase('startEnrichmentBatch', 'body:invalid', [400], invalidBody('startEnrichmentBatch')),
    rawCase('startEnrichmentBatch', 'body:malformed-json', [400], fc.constant(JSON_TYPE), malformedJson),
    rawCase(
      'startEnrichmentBatch',
      'content-type:wrong',
      [415],
      wrongContentType,
      fc.constant('{"books":[{"title":"Dune"}]}'),
    ),
  );
}

const JPEG_MAGIC = [0xff, 0xd8, 0xff, 0xe0];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const imageLike = fc
  .tuple(fc.constantFrom(JPEG_MAGIC, PNG_MAGIC), fc.uint8Array({ minLength: 8, maxLength: 64 }))
  .map(([magic, rest]) => Buffer.from([...magic, ...rest]).toString('base64'));

function scanCases(): fc.Arbitrary<HttpCase> {
  const images = fc.array(fc.record({ index: fc.nat({ max: 10 }), data: imageLike }), { minLength: 1, maxLength: 5 });
  return fc.oneof(
    // Schema-valid base64 that is neither JPEG nor PNG is refused at start (415), per the spec's ScanImage.
    jsonCase('startScanBatch', 'body:valid', [202, 415], validBody('startScanBatch')),
    jsonCase(
      'startScanBatch',
      'body:valid-images',
      [202],
      images.map((list) => ({ images: list })),
    ),
    jsonCase('startScanBatch', 'body:invalid', [400], invalidBody('startScanBatch')),
    rawCase('startScanBatch', 'body:malformed-json', [400], fc.constant(JSON_TYPE), malformedJson),
    rawCase('startScanBatch', 'content-type:wrong', [415], wrongContentType, fc.constant('{"images":[]}')),
  );
}

function refreshCases(jobs: fc.Arbitrary<FuzzJob>): fc.Arbitrary<HttpCase> {
  const foreign = fc.tuple(jobs, jobs).filter(([a, b]) => a.jobId !== b.jobId);
  return fc.oneof(
    // A random well-formed job id names no job (404); a known one with a random token is 401.
    jsonCase('refreshToken', 'body:valid', [401, 404], validBody('refreshToken')),
    // Production policy: a fresh 2 h token is outside the 30 min window (409); a graced or finished one may be 401.
    jsonCase(
      'refreshToken',
      'auth:own',
      [200, 401, 409],
      jobs.map((job) => ({ jobId: job.jobId, oldToken: job.token })),
    ),
    jsonCase(
      'refreshToken',
      'auth:foreign',
      [401],
      foreign.map(([a, b]) => ({ jobId: a.jobId, oldToken: b.token })),
    ),
    jsonCase('refreshToken', 'body:invalid', [400], invalidBody('refreshToken')),
    rawCase('refreshToken', 'body:malformed-json', [400], fc.constant(JSON_TYPE), malformedJson),
    rawCase(
      'refreshToken',
      'content-type:wrong',
      [415],
      wrongContentType,
      fc.constant('{"jobId":"abcdefgh","oldToken":"x"}'),
    ),
  );
}

type TokenOperation = 'getJobState' | 'cancelJob' | 'getCsvResults' | 'getEnrichmentResults' | 'getScanResults';

/** What the owner's own token may get: success, or the operation's documented "not now" answers. */
function ownTokenStatuses(operationId: TokenOperation, job: FuzzJob): number[] {
  if (operationId === 'getJobState') return [200];
  if (operationId === 'cancelJob') return [200, 409];
  return RESULTS_PIPELINE[operationId] === job.pipeline ? [200, 409] : [404];
}

function tokenCases(operationId: TokenOperation, jobs: fc.Arbitrary<FuzzJob>): fc.Arbitrary<HttpCase> {
  const { method, path } = OPERATIONS[operationId];
  const at = (jobId: string) => path.replace('{jobId}', jobId);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const make = (label: string, jobId: string, headers: Record<string, string>, allowed: number[]): HttpCase => ({
    operationId,
    label,
    method,
    path: at(jobId),
    headers,
    allowed,
  });
  const malformedAuth = fc.constantFrom('', 'Bearer', 'Basic abc', 'bearer  ', 'Token x y', 'Bearer a b');
  return fc.oneof(
    jobs.map((job) => make('auth:own', job.jobId, bearer(job.token), ownTokenStatuses(operationId, job))),
    fc
      .tuple(jobs, jobs)
      .filter(([a, b]) => a.jobId !== b.jobId)
      .map(([a, b]) => make('auth:foreign', a.jobId, bearer(b.token), [401])),
    fc.tuple(jobs, fc.uuid()).map(([job, token]) => make('auth:random', job.jobId, bearer(token), [401])),
    jobs.map((job) => make('auth:none', job.jobId, {}, [401])),
    fc
      .tuple(jobs, malformedAuth)
      .map(([job, header]) => make('auth:malformed', job.jobId, { Authorization: header }, [401])),
    fc.tuple(randomJobId, fc.uuid()).map(([jobId, token]) => make('job:unknown', jobId, bearer(token), [404])),
    fc
      .tuple(badJobIdSegment, fc.uuid())
      .map(([segment, token]) => make('job:malformed-id', segment, bearer(token), [400])),
  );
}

function socketCases(): fc.Arbitrary<HttpCase> {
  const path = OPERATIONS.connectProgressSocket.path;
  const make = (label: string, query: string, allowed: number[]): HttpCase => ({
    operationId: 'connectProgressSocket',
    label,
    method: 'GET',
    path: `${path}${query}`,
    headers: {},
    allowed,
  });
  return fc.oneof(
    fc.constant(make('query:missing', '', [400])),
    fc.constant(make('query:empty', '?jobId=', [400])),
    badJobIdSegment.map((segment) => make('query:malformed-id', `?jobId=${segment}`, [400])),
    randomJobId.map((jobId) => make('upgrade:missing', `?jobId=${jobId}`, [426])),
  );
}

function metaCases(): fc.Arbitrary<HttpCase> {
  const ids = ['getHealth', 'getOpenApiDocument', 'getAsyncApiDocument', 'getDocs'] as const;
  const query = fc.option(
    fc.string({ maxLength: 20 }).map((s) => `?q=${encodeURIComponent(s)}`),
    { nil: '' },
  );
  return fc.tuple(fc.constantFrom(...ids), query).map(([operationId, q]) => ({
    operationId,
    label: 'meta',
    method: 'GET',
    path: `${OPERATIONS[operationId].path}${q}`,
    headers: {},
    allowed: [200],
  }));
}

/** The contract simulator's routes: the fuzzed Worker is production, where they are 404. */
function simulatorCases(): fc.Arbitrary<HttpCase> {
  const scenario = fc.oneof(fc.constantFrom('token-expired', 'nope', ''), fc.string({ maxLength: 30 }));
  return fc.oneof(
    fc.constant<HttpCase>({
      operationId: 'listSimulatorScenarios',
      label: 'simulator:production',
      method: 'GET',
      path: OPERATIONS.listSimulatorScenarios.path,
      headers: {},
      allowed: [404],
    }),
    scenario.map((name): HttpCase => ({
      operationId: 'startSimulatorJob',
      label: 'simulator:production',
      method: 'POST',
      path: `${OPERATIONS.startSimulatorJob.path}?scenario=${encodeURIComponent(name)}`,
      headers: {},
      allowed: [404],
    })),
  );
}

/** Methods no operation serves on a known path (405), and paths no operation has (404). */
function unroutedCases(): fc.Arbitrary<HttpCase> {
  const paths = Object.values(OPERATIONS).flatMap((op) => [
    op.path.replace('{jobId}', 'abcdefgh-1234'),
    op.path.replace('{jobId}', 'a'.repeat(1_200)),
  ]);
  const wrongMethod = fc
    .tuple(fc.constantFrom(...paths), fc.constantFrom('PUT', 'DELETE', 'PATCH'))
    .map(([path, method]): HttpCase => ({
      operationId: 'unrouted',
      label: 'method:wrong',
      method,
      path,
      headers: {},
      allowed: [405],
    }));
  // Long segments too: an error message that quotes the path must still fit ApiError.message (≤ 1000).
  const segment = fc
    .oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 900, maxLength: 1_500, size: 'max' }))
    .map(encodeURIComponent);
  const unknownPath = fc
    .tuple(fc.constantFrom('/api', '/v1', '/ws', '/nope', '/api/jobs'), segment)
    .map(([prefix, s]): HttpCase => ({
      operationId: 'unrouted',
      label: 'path:unknown',
      method: 'GET',
      path: `${prefix}/${s}/x`,
      headers: {},
      allowed: [404],
    }));
  return fc.oneof(wrongMethod, unknownPath);
}

/** Every case the fuzzer sends, weighted so each operation gets a fair share. */
export function httpCases(jobs: readonly FuzzJob[]): fc.Arbitrary<HttpCase> {
  const job = fc.constantFrom(...jobs);
  const withRequestId = (base: fc.Arbitrary<HttpCase>) =>
    fc
      .tuple(base, fc.option(fc.string({ maxLength: 140 }), { nil: undefined }))
      .map(([c, id]) =>
        id === undefined || !/^[\x20-\x7e]*$/.test(id) ? c : { ...c, headers: { ...c.headers, 'X-Request-Id': id } },
      );
  return withRequestId(
    fc.oneof(
      { arbitrary: importCsvCases(), weight: 3 },
      { arbitrary: enrichmentCases(job), weight: 3 },
      { arbitrary: scanCases(), weight: 2 },
      { arbitrary: refreshCases(job), weight: 2 },
      { arbitrary: tokenCases('getJobState', job), weight: 2 },
      { arbitrary: tokenCases('cancelJob', job), weight: 1 },
      { arbitrary: tokenCases('getCsvResults', job), weight: 1 },
      { arbitrary: tokenCases('getEnrichmentResults', job), weight: 1 },
      { arbitrary: tokenCases('getScanResults', job), weight: 1 },
      { arbitrary: socketCases(), weight: 1 },
      { arbitrary: metaCases(), weight: 1 },
      { arbitrary: simulatorCases(), weight: 1 },
      { arbitrary: unroutedCases(), weight: 1 },
    ),
  );
}
