// `npm run conformance` as CI runs it: the conformance walk (conformance/checks.ts) against a fresh
// `wrangler dev` (the development config, offline providers) and against the contract simulator;
// every row of the pass/fail table must pass. The table is printed for the CI log.
import { afterEach, describe, expect, it } from 'vitest';
import { formatTable, runConformance, type CheckResult } from '../../conformance/checks';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

let server: DevServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function failures(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => !r.ok);
}

describe('npm run conformance', () => {
  it('passes against wrangler dev', async () => {
    server = await startDevServer();
    const results = await runConformance({ baseUrl: server.origin });
    console.log(formatTable(results));
    expect(failures(results)).toEqual([]);
    expect(results.map((r) => r.name)).toContain('ai_scan job over HTTP and WebSocket');
    expect(results.some((r) => r.name.startsWith('simulator '))).toBe(false);
  }, 120_000);

  it('passes against the simulator, scenarios included', async () => {
    server = await startDevServer({ config: 'wrangler.simulator.jsonc', vars: { ENVIRONMENT: 'simulator' } });
    const results = await runConformance({ baseUrl: server.origin });
    console.log(formatTable(results));
    expect(failures(results)).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('simulator ')).length).toBe(8);
  }, 120_000);
});
