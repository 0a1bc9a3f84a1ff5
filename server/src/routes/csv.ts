// CSV import routes: start a csv_import job from JSON, text/csv or multipart, and read its results.
import { ERROR_CODE, LIMITS } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import type { CsvImportAccepted, CsvResults } from '@bookstrack/generated/schemas';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { bearerToken } from '../http/bearer';
import { bodyLimit, readBodyCapped } from '../http/body-limit';
import { sendData } from '../http/envelope';
import { HttpError } from '../http/http-error';
import { requireMediaType } from '../http/media-type';
import { rateLimit } from '../http/rate-limit';
import { readText } from '../http/request-body';
import { parseJson, validateRequest } from '../http/validate-request';
import { operation } from '../http/validate-response';
import { detectFormat } from '../pipelines/csv/formats';
import { readHeader } from '../pipelines/csv/parse-records';
import { jobStub, newJobId, requireJobId, unwrap } from './job-stub';

const importCsv = OPERATIONS.importCsv;
const encoder = new TextEncoder();

// Multipart framing around the file: boundaries and part headers, never near this size.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

async function readMultipartFile(c: Context<AppEnv>): Promise<string> {
  const body = await readBodyCapped(c.req.raw, LIMITS.CSV_MAX_BYTES + MULTIPART_OVERHEAD_BYTES);
  // Re-wrapping the capped bytes lets the runtime's form parser do the multipart work.
  const form = await new Request('http://local/', { method: 'POST', headers: { 'Content-Type': c.req.header('Content-Type') ?? '' }, body })
    .formData()
    .catch(() => {
      throw new HttpError(ERROR_CODE.INVALID_REQUEST, 'Malformed multipart/form-data body', { issues: [{ path: '', message: 'cannot parse the multipart body' }] });
    });
  const file = form.get('file') as unknown as File | string | null;
  if (file === null) throw new HttpError(ERROR_CODE.MISSING_PARAMETER, 'Form field "file" is required');
  return typeof file === 'string' ? file : file.text();
}

/** The CSV text of any of the three accepted request forms, validated as CsvImportRequest. */
async function readCsv(c: Context<AppEnv>): Promise<string> {
  const mediaType = requireMediaType(c, 'importCsv');
  // The text/csv and multipart forms carry the same string the JSON form names `csv`.
  const request =
    mediaType === 'text/csv'
      ? { csv: await readText(c, LIMITS.CSV_MAX_BYTES) }
      : mediaType === 'multipart/form-data'
        ? { csv: await readMultipartFile(c) }
        : parseJson(await readText(c, LIMITS.REQUEST_MAX_BYTES));
  return validateRequest(importCsv.requestBody['application/json'], request).csv;
}

function checkCsv(csv: string): void {
  if (encoder.encode(csv).byteLength > LIMITS.CSV_MAX_BYTES) {
    throw new HttpError(ERROR_CODE.FILE_TOO_LARGE, `The CSV file is larger than ${LIMITS.CSV_MAX_BYTES} bytes`, { maxBytes: LIMITS.CSV_MAX_BYTES });
  }
  const header = readHeader(csv);
  if (header === undefined || detectFormat(header) === undefined) {
    throw new HttpError(ERROR_CODE.INVALID_REQUEST, 'The CSV has no header row naming a title column', {
      issues: [{ path: 'csv', message: 'first row must be a header with a Title column' }],
    });
  }
}

export const csvRoutes = new Hono<AppEnv>()
  .post(importCsv.honoPath, operation('importCsv'), bodyLimit(), rateLimit, async (c) => {
    // importCsv
    const csv = await readCsv(c);
    checkCsv(csv);
    const jobId = newJobId();
    const started = unwrap(await jobStub(c.env, jobId).startJob({ jobId, input: { pipeline: 'csv_import', csv } }));
    const accepted: CsvImportAccepted = { jobId, token: started.token, expiresAt: started.expiresAt, pipeline: 'csv_import' };
    return sendData(c, accepted, 202);
  })
  .get(OPERATIONS.getCsvResults.honoPath, operation('getCsvResults'), async (c) => {
    // getCsvResults
    const jobId = requireJobId(c.req.param('jobId'), 'jobId');
    const token = bearerToken(c);
    const results = unwrap(await jobStub(c.env, jobId).getResults(token, 'csv_import'));
    return sendData(c, results as CsvResults);
  });
