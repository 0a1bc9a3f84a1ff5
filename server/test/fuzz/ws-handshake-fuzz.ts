// Sends every handshake case (ws-handshake-cases.ts) over raw TCP to a running server and judges
// each answer: the contract's (a 101, a preflight, an envelope with a documented status) or the
// platform answer the AsyncAPI "Handshake errors" section documents for `wrangler dev`. Anything
// else, a 5xx or an undocumented plain-text body above all, is a failure.
import { answerProblems, handshakeCases, statusOf, type HandshakeCase } from './ws-handshake-cases';
import { sendRaw } from './raw-http';

export interface HandshakeFailure {
  name: string;
  detail: string;
}

export interface HandshakeReport {
  cases: number;
  /** Answered as the Worker answers the request as sent. */
  byWorker: number;
  /** Answered by the platform in the Worker's place, as documented. */
  byPlatform: number;
  /** The cases the platform answered, by name. */
  platformAnswered: string[];
  /** status → count, over every answer. */
  statuses: Record<string, number>;
  failures: HandshakeFailure[];
  durationMs: number;
}

interface Verdict {
  status: number;
  /** 'worker', 'platform', or what is wrong. */
  outcome: string;
}

async function judge(origin: string, jobId: string, testCase: HandshakeCase): Promise<Verdict> {
  const path = `/ws/progress${testCase.hasJobId ? `?jobId=${jobId}` : ''}`;
  const received = await sendRaw(origin, {
    method: testCase.method,
    path,
    version: testCase.version,
    headers: testCase.headers,
  });
  const asWorker = answerProblems(testCase, testCase.worker, received);
  if (asWorker.length === 0) return { status: received.status, outcome: 'worker' };
  const asDevServer = answerProblems(testCase, testCase.devServer, received);
  if (asDevServer.length === 0) return { status: received.status, outcome: 'platform' };
  const outcome = `got ${received.status} ${received.headers.get('Content-Type')} ${JSON.stringify(received.text.slice(0, 100))}; as the Worker's ${statusOf(testCase.worker)}: ${asWorker.join(', ')}; as the documented dev answer ${statusOf(testCase.devServer)}: ${asDevServer.join(', ')}`;
  return { status: received.status, outcome };
}

/** `jobId` names a real job; no case offers its token, so every 101 is closed 1008 at once. */
export async function runHandshakeFuzz(origin: string, jobId: string): Promise<HandshakeReport> {
  const startedAt = performance.now();
  const report: HandshakeReport = {
    cases: 0,
    byWorker: 0,
    byPlatform: 0,
    platformAnswered: [],
    statuses: {},
    failures: [],
    durationMs: 0,
  };
  for (const testCase of handshakeCases()) {
    report.cases += 1;
    try {
      const { status, outcome } = await judge(origin, jobId, testCase);
      if (outcome === 'worker') report.byWorker += 1;
      else if (outcome === 'platform') {
        report.byPlatform += 1;
        report.platformAnswered.push(testCase.name);
      } else report.failures.push({ name: testCase.name, detail: outcome });
      report.statuses[status] = (report.statuses[status] ?? 0) + 1;
    } catch (error) {
      report.failures.push({ name: testCase.name, detail: String(error) });
    }
  }
  report.durationMs = Math.round(performance.now() - startedAt);
  return report;
}

export function summarizeHandshakes(report: HandshakeReport): string {
  return [
    `WebSocket handshakes: ${report.cases} cases in ${(report.durationMs / 1000).toFixed(1)} s; answered by the Worker ${report.byWorker}, by the platform as documented ${report.byPlatform}; failures ${report.failures.length}`,
    `by status: ${JSON.stringify(report.statuses)}`,
  ].join('\n');
}
