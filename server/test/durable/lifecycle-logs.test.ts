// Every lifecycle event is one JSON log line with the job id and never a token.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MIN,
  T0,
  fireAlarmsUntil,
  installTestPipeline,
  newJobId,
  removeTestPipeline,
  restoreClock,
  startJob,
  titles,
  useClock,
} from '../helpers/durable';
import { connectReady } from '../helpers/websocket';

let lines: string[] = [];

beforeEach(() => {
  useClock();
  installTestPipeline({ stepSize: 1, minStepIntervalMs: 30 * MIN });
  lines = [];
  const capture = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  vi.spyOn(console, 'log').mockImplementation(capture);
  vi.spyOn(console, 'error').mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
  removeTestPipeline();
  restoreClock();
});

function events(jobId: string): { event: string; [key: string]: unknown }[] {
  return lines
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { event: string; jobId: string })
    .filter((entry) => entry.jobId === jobId);
}

describe('lifecycle logs', () => {
  it('logs job start, socket open, token refresh and revocation, completion and the closes, without a token', async () => {
    const jobId = newJobId();
    const job = await startJob(jobId, titles(8));
    const socket = await connectReady(jobId, job.token);
    await fireAlarmsUntil(jobId, T0 + 240 * MIN);
    await socket.waitClosed();
    const seen = events(jobId).map((entry) => entry.event);
    expect(seen).toEqual(
      expect.arrayContaining([
        'job.started',
        'socket.opened',
        'token.refreshed',
        'token.revoked',
        'job.completed',
        'socket.closed',
      ]),
    );
    expect(events(jobId).find((e) => e.event === 'job.completed')).toMatchObject({ successCount: 8, failureCount: 0 });
    expect(events(jobId).find((e) => e.event === 'socket.closed')).toMatchObject({ code: 1000, by: 'server' });
    const refreshed = socket.frames
      .filter((f) => f.type === 'token_refreshed')
      .map((f) => (f.payload as { token: string }).token);
    for (const token of [job.token, ...refreshed]) expect(lines.join('\n')).not.toContain(token);
  });
});
