// Follows one job on the demo page with the client: socket events drive the view, and once the job
// completes the results are fetched with the newest token (it may have rotated via token_refreshed).
import {
  BooksTrackApiError,
  CLOSE_CODES,
  ProgressSocketClient,
  refreshingTokenProvider,
  type BooksTrackApi,
  type PipelineType,
} from '../src/index';
import { enumText } from './dom';
import type { JobView } from './job-view';
import type { AnyResults } from './results-table';

export interface StartedJob {
  jobId: string;
  token: string;
  pipeline: PipelineType;
}

/** What the browser tests and a curious developer can reach as `window.__bookstrack`. */
export interface DemoHook {
  api: BooksTrackApi;
  client?: ProgressSocketClient;
  /** `type` of every server message received, in order, across reconnects. */
  messages: string[];
  results?: AnyResults;
}

export function followJob(job: StartedJob, api: BooksTrackApi, view: JobView, hook: DemoHook): ProgressSocketClient {
  hook.client?.close();
  hook.messages = [];
  hook.results = undefined;
  view.reset(job.pipeline, job.jobId);
  const client = new ProgressSocketClient({
    baseUrl: location.origin,
    jobId: job.jobId,
    token: job.token,
    api,
    tokenProvider: refreshingTokenProvider(api),
  });
  hook.client = client;
  let isCompleted = false;

  client.on('message', (m) => {
    hook.messages.push(m.type);
    view.addLog(m.type, `seq ${m.seq} ${JSON.stringify(m.payload)}`, m.type === 'error' ? 'error' : 'info');
  });
  client.on('open', (e) => view.addLog('open', `subprotocol ${e.protocol}`));
  client.on('job_started', (m) => view.setProgress(0, `Started: ${m.payload.totalCount} items`));
  client.on('job_progress', (m) => view.setProgress(m.payload.progress, m.payload.statusText));
  client.on('reconnected', (m) =>
    view.setProgress(m.payload.progress, m.payload.statusText ?? enumText(m.payload.status) ?? ''),
  );
  client.on('job_complete', () => {
    isCompleted = true;
    view.setProgress(1, 'Complete: fetching results…');
  });
  client.on('error', (m) => view.setStatus(`Error ${enumText(m.payload.code)}: ${m.payload.message}`));
  client.on('token', () => view.addLog('token', 'token rotated; the newest one is used from now on'));
  client.on('gap', (e) => view.addLog('gap', `expected seq ${e.expected}, got ${e.received}; re-syncing`, 'warn'));
  client.on('state', (s) => {
    if (s.status === 'completed') isCompleted = true;
    view.addLog('state', `${enumText(s.status)} ${s.processedCount}/${s.totalCount}`);
  });
  client.on('reconnecting', (e) =>
    view.addLog('reconnecting', `closed ${e.code} ${e.reason}; retry ${e.attempt} in ${e.delayMs} ms`, 'warn'),
  );
  client.on('unknown', (e) => view.addLog('unknown', `message type ${e.type} ignored`, 'warn'));
  client.on('invalid', (e) =>
    view.addLog('invalid', e.issues.map((i) => `${i.path}: ${i.message}`).join('; '), 'error'),
  );
  client.on('closed', (e) => {
    view.addLog(
      'closed',
      `${e.code} ${e.reason} (${e.cause})`,
      e.cause === 'close_code' && e.code === 1000 ? 'info' : 'warn',
    );
    view.hideControls();
    // 1000 from the server means the job completed, even when its job_complete was broadcast before this
    // socket sent `ready` (a short job can finish while the socket is still opening).
    const isNormalEnd = e.cause === 'close_code' && e.code === CLOSE_CODES.NORMAL_CLOSURE;
    if (isCompleted || isNormalEnd || e.state?.status === 'completed') void showResults(job, client, api, view, hook);
    else view.setStatus(`Stopped: ${e.reason || e.cause}`);
  });
  client.connect();
  return client;
}

async function showResults(
  job: StartedJob,
  client: ProgressSocketClient,
  api: BooksTrackApi,
  view: JobView,
  hook: DemoHook,
) {
  try {
    const { data } = await api.getResults(job.pipeline, job.jobId, client.token);
    hook.results = data;
    view.showResults(job.pipeline, data);
    view.setProgress(1, 'Complete');
  } catch (error) {
    view.setStatus(`Could not load results: ${describeError(error)}`);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof BooksTrackApiError) {
    const issues = error.details?.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
    return issues ? `${error.message} (${issues})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
