// Typed HTTP client for the BooksTrack API: requests typed by openapi-fetch from the generated
// `paths` (the strict writer types), every response parsed with the generated reader for its
// operation and status, so a newer server's added fields and enum values do not fail a call.
import type { paths } from '@bookstrack/generated/openapi-types';
import type { OperationId } from '@bookstrack/generated/operations';
import * as readers from '@bookstrack/generated/readers';
import type { EnrichmentBatchRequest, ScanBatchRequest } from '@bookstrack/generated/schemas';
import createClient, { type Client } from 'openapi-fetch';
import type { z } from 'zod';
import { BooksTrackApiError, ContractViolationError } from './api-error';

export interface BooksTrackApiOptions {
  /** Origin of the Worker, e.g. `https://api.example.com` or `location.origin`. */
  baseUrl: string;
  /** A fetch implementation (tests, polyfills); defaults to the global one. */
  fetch?: typeof fetch;
}

type Responses<Op extends OperationId> = (typeof readers.RESPONSES)[Op];
/** The success envelope `{data, metadata}` of an operation for one status, as its reader returns it. */
export type SuccessOf<Op extends OperationId, S extends keyof Responses<Op>> = Responses<Op>[S] extends z.ZodType
  ? z.infer<Responses<Op>[S]>
  : never;

interface FetchOutcome {
  response: Response;
  data?: unknown;
  error?: unknown;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export class BooksTrackApi {
  /** The underlying openapi-fetch client, for calls this class does not wrap. */
  readonly raw: Client<paths>;

  constructor(options: BooksTrackApiOptions) {
    this.raw = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/$/, ''), fetch: options.fetch });
  }

  /** importCsv with a JSON body `{csv}`. */
  importCsv(csv: string): Promise<SuccessOf<'importCsv', 202>> {
    return this.settle('importCsv', 202, this.raw.POST('/api/csv/import', { body: { csv } }));
  }

  /** importCsv as a multipart upload (field `file`), straight from an `<input type=file>`. */
  importCsvFile(file: Blob, fileName = 'import.csv'): Promise<SuccessOf<'importCsv', 202>> {
    const form = new FormData();
    form.append('file', file, fileName);
    // The generated type says `{file: string}` (format: binary); a FormData goes on the wire as is.
    const body = form as unknown as { file: string };
    return this.settle('importCsv', 202, this.raw.POST('/api/csv/import', { body, bodySerializer: () => form }));
  }

  startEnrichmentBatch(body: EnrichmentBatchRequest): Promise<SuccessOf<'startEnrichmentBatch', 202>> {
    return this.settle('startEnrichmentBatch', 202, this.raw.POST('/v1/enrichment/batch', { body }));
  }

  startScanBatch(body: ScanBatchRequest): Promise<SuccessOf<'startScanBatch', 202>> {
    return this.settle('startScanBatch', 202, this.raw.POST('/api/scan-bookshelf/batch', { body }));
  }

  getJobState(jobId: string, token: string): Promise<SuccessOf<'getJobState', 200>> {
    const init = { params: { path: { jobId } }, headers: bearer(token) };
    return this.settle('getJobState', 200, this.raw.GET('/api/job-state/{jobId}', init));
  }

  cancelJob(jobId: string, token: string): Promise<SuccessOf<'cancelJob', 200>> {
    const init = { params: { path: { jobId } }, headers: bearer(token) };
    return this.settle('cancelJob', 200, this.raw.POST('/api/jobs/{jobId}/cancel', init));
  }

  refreshToken(jobId: string, oldToken: string): Promise<SuccessOf<'refreshToken', 200>> {
    return this.settle('refreshToken', 200, this.raw.POST('/api/token/refresh', { body: { jobId, oldToken } }));
  }

  getCsvResults(jobId: string, token: string): Promise<SuccessOf<'getCsvResults', 200>> {
    const init = { params: { path: { jobId } }, headers: bearer(token) };
    return this.settle('getCsvResults', 200, this.raw.GET('/v1/csv/results/{jobId}', init));
  }

  getEnrichmentResults(jobId: string, token: string): Promise<SuccessOf<'getEnrichmentResults', 200>> {
    const init = { params: { path: { jobId } }, headers: bearer(token) };
    return this.settle('getEnrichmentResults', 200, this.raw.GET('/v1/enrichment/results/{jobId}', init));
  }

  /** The contract simulator's scenarios (`npm run simulate`); any other server answers 404 NOT_FOUND. */
  listSimulatorScenarios(): Promise<SuccessOf<'listSimulatorScenarios', 200>> {
    return this.settle('listSimulatorScenarios', 200, this.raw.GET('/v1/simulator/scenarios'));
  }

  /** Starts a job that plays a simulator scenario (`npm run simulate` only). */
  startSimulatorJob(scenario: string): Promise<SuccessOf<'startSimulatorJob', 202>> {
    // A scenario name this client version does not list still goes out: the simulator decides.
    const query = { scenario: scenario as Exclude<readers.SimulatorScenarioName, readers.Unknown> };
    return this.settle('startSimulatorJob', 202, this.raw.POST('/v1/simulator/jobs', { params: { query } }));
  }

  getScanResults(jobId: string, token: string): Promise<SuccessOf<'getScanResults', 200>> {
    const init = { params: { path: { jobId } }, headers: bearer(token) };
    return this.settle('getScanResults', 200, this.raw.GET('/v1/scan/results/{jobId}', init));
  }

  /** The results operation that belongs to a pipeline (what `job_complete.resultsUrl` points at). */
  getResults(pipeline: readers.PipelineType, jobId: string, token: string) {
    if (readers.isUnknown(pipeline))
      return Promise.reject(new Error(`no results operation for pipeline ${pipeline.unknown} in this client version`));
    if (pipeline === 'csv_import') return this.getCsvResults(jobId, token);
    if (pipeline === 'batch_enrichment') return this.getEnrichmentResults(jobId, token);
    return this.getScanResults(jobId, token);
  }

  getHealth(): Promise<SuccessOf<'getHealth', 200>> {
    return this.settle('getHealth', 200, this.raw.GET('/health'));
  }

  /** Success → the parsed envelope; contract error → BooksTrackApiError; anything else → ContractViolationError. */
  private async settle<Op extends OperationId, S extends keyof Responses<Op> & number>(
    operationId: Op,
    successStatus: S,
    pending: Promise<FetchOutcome>,
  ): Promise<SuccessOf<Op, S>> {
    const { response, data, error } = await pending;
    const body = response.ok ? data : error;
    const schema = (readers.RESPONSES[operationId] as Record<number, z.ZodType | undefined>)[successStatus];
    if (response.status === successStatus && schema) {
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data as SuccessOf<Op, S>;
      throw new ContractViolationError(operationId, response.status, body, toIssues(parsed.error));
    }
    const envelope = readers.ErrorEnvelope.safeParse(body);
    if (!response.ok && envelope.success) {
      throw new BooksTrackApiError(response.status, envelope.data, retryAfterSeconds(response));
    }
    throw new ContractViolationError(
      operationId,
      response.status,
      body,
      envelope.success ? [] : toIssues(envelope.error),
    );
  }
}

function toIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) ? seconds : undefined;
}
