// connectProgressSocket over the whole handshake matrix (methods × upgrade headers × HTTP versions ×
// jobId, test/fuzz/ws-handshake-cases.ts): the Worker answers each request, as sent, with a 101, a
// preflight or the contract envelope the spec names, never a 500 or plain text.
import asyncApiDocument from '@bookstrack/generated/asyncapi.json';
import { describe, expect, it } from 'vitest';
import { answerProblems, handshakeCases, PLATFORM_BODIES } from '../fuzz/ws-handshake-cases';
import { callWorker, startCsvJob } from '../helpers/http';

describe('the handshake matrix', () => {
  it('gets the contract answer for every case, straight from the Worker', async () => {
    const job = await startCsvJob('title\nDune\n');
    const cases = handshakeCases();
    const failures: string[] = [];
    for (const testCase of cases) {
      const path = `/ws/progress${testCase.hasJobId ? `?jobId=${job.jobId}` : ''}`;
      const response = await callWorker(path, {
        method: testCase.method,
        headers: testCase.headers,
        cf: { httpProtocol: `HTTP/${testCase.version}` },
      } as RequestInit);
      if (response.status === 101) {
        response.webSocket?.accept();
        response.webSocket?.close(1000, 'done');
      }
      const text = response.status === 101 ? '' : await response.text();
      const problems = answerProblems(testCase, testCase.worker, {
        status: response.status,
        headers: response.headers,
        text,
      });
      if (problems.length > 0) failures.push(`${testCase.name}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(cases.length).toBe(7 * 14 * 2 * 2);
    const statuses = new Set(cases.map((c) => (c.worker.kind === 'envelope' ? c.worker.code : c.worker.kind)));
    expect([...statuses].sort()).toEqual([
      'INVALID_REQUEST',
      'METHOD_NOT_ALLOWED',
      'MISSING_PARAMETER',
      'UPGRADE_REQUIRED',
      'preflight',
      'switch',
    ]);
  });

  it('finds every platform answer it expects from wrangler dev documented in the AsyncAPI prose', () => {
    const prose = (asyncApiDocument as { info: { description: string } }).info.description.replace(/\s+/g, ' ');
    for (const body of Object.values(PLATFORM_BODIES)) expect(prose).toContain(`\`${body}\``);
  });
});
