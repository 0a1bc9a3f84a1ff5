// Every job type's start and results routes, mounted from the one table (jobs/pipeline-registry.ts):
// a start route reads the request form, validates it once (schema, then the type's own checks),
// starts the job's Durable Object and answers 202; a results route reads the finished job.
import { ERROR_CODE, LIMITS } from '@bookstrack/generated/constants';
import { OPERATIONS, type OperationId } from '@bookstrack/generated/operations';
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
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
import { JOB_TYPES } from '../jobs/pipeline-registry';
import type { JobType, TextForms } from '../pipelines/job-type';
import { JobInputError, type JobInput } from '../pipelines/pipeline';
import { jobStub, newJobId, requireJobId, unwrap } from './job-stub';

// Multipart framing around the file: boundaries and part headers, never near this size.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

async function readMultipartFile(c: Context<AppEnv>, forms: TextForms, field: string): Promise<string> {
  const body = await readBodyCapped(c.req.raw, forms.maxBytes + MULTIPART_OVERHEAD_BYTES);
  // Re-wrapping the capped bytes lets the runtime's form parser do the multipart work.
  const form = await new Request('http://local/', {
    method: 'POST',
    headers: { 'Content-Type': c.req.header('Content-Type') ?? '' },
    body,
  })
    .formData()
    .catch(() => {
      throw new HttpError(ERROR_CODE.INVALID_REQUEST, 'Malformed multipart/form-data body', {
        issues: [{ path: '', message: 'cannot parse the multipart body' }],
      });
    });
  const file = form.get(field) as unknown as File | string | null;
  if (file === null) throw new HttpError(ERROR_CODE.MISSING_PARAMETER, `Form field "${field}" is required`);
  return typeof file === 'string' ? file : file.text();
}

/** The request in its JSON shape, whichever form carried it, validated against the request schema. */
async function readStartRequest(c: Context<AppEnv>, jobType: JobType): Promise<unknown> {
  const operationId = jobType.startOperationId;
  const mediaType = requireMediaType(c, operationId);
  const forms = jobType.textForms;
  let request: unknown;
  if (forms && mediaType === forms.textMediaType) request = { [forms.field]: await readText(c, forms.maxBytes) };
  else if (forms?.multipartFileField && mediaType === 'multipart/form-data') {
    request = { [forms.field]: await readMultipartFile(c, forms, forms.multipartFileField) };
  } else request = parseJson(await readText(c, LIMITS.REQUEST_MAX_BYTES));
  const schema = (OPERATIONS[operationId] as { requestBody: { 'application/json': z.ZodType } }).requestBody[
    'application/json'
  ];
  return validateRequest(schema, request, jobType.batch);
}

function toInput(jobType: JobType, body: unknown): JobInput {
  try {
    return jobType.toInput(body);
  } catch (error) {
    if (error instanceof JobInputError) throw new HttpError(error.code, error.message, error.details);
    throw error;
  }
}

function mountJobType(routes: Hono<AppEnv>, jobType: JobType): void {
  const { startOperationId, resultsOperationId } = jobType;
  const pipeline = jobType.pipeline.type;
  routes.post(OPERATIONS[startOperationId].honoPath, operation(startOperationId), bodyLimit(), rateLimit, async (c) => {
    // importCsv, startEnrichmentBatch, startScanBatch (the table's startOperationId)
    const body = await readStartRequest(c, jobType);
    const input = toInput(jobType, body);
    const jobId = jobType.jobIdOf?.(body) ?? newJobId();
    const started = unwrap(await jobStub(c.env, jobId).startJob({ jobId, input }));
    return sendData(c, jobType.accepted({ jobId, token: started.token, expiresAt: started.expiresAt }, input), 202);
  });
  routes.get(OPERATIONS[resultsOperationId].honoPath, operation(resultsOperationId), async (c) => {
    // getCsvResults, getEnrichmentResults, getScanResults (the table's resultsOperationId)
    const jobId = requireJobId(c.req.param('jobId'), 'jobId');
    const results = unwrap(await jobStub(c.env, jobId).getResults(bearerToken(c), pipeline));
    return sendData(c, results);
  });
}

export function createJobRoutes(jobTypes: readonly JobType[] = JOB_TYPES): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  for (const jobType of jobTypes) mountJobType(routes, jobType);
  return routes;
}

export const jobTypeRoutes = createJobRoutes();

/** The operations the table serves, so a test can prove every start and results operation is mounted. */
export const JOB_TYPE_OPERATIONS: readonly OperationId[] = JOB_TYPES.flatMap((t) => [
  t.startOperationId,
  t.resultsOperationId,
]);
