// `npm run fuzz -w server`: the long contract-fuzzing run (≥ 20,000 HTTP requests plus the WebSocket
// cases, several rounds) against its own `wrangler dev` on 127.0.0.1. Prints every figure; exits 1 on
// any 5xx, contract violation or WebSocket case answered against the contract.
// Flags: --runs N (HTTP requests, default 20000), --seed N, --ws-rounds N (default 5), --concurrency N.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '../helpers/wrangler-dev';
import { ensureOwnServer, FUZZ_SERVER_VARS } from './fuzz-server';
import { createFuzzJobs, runHttpFuzz, summarize } from './http-fuzz';
import { runWsFuzz, summarizeWs } from './ws-fuzz';
import { runHandshakeFuzz, summarizeHandshakes } from './ws-handshake-fuzz';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

async function main(): Promise<number> {
  const runs = flag('runs', 20_000);
  const seed = flag('seed', Date.now() % 2_147_483_647);
  const wsRounds = flag('ws-rounds', 5);
  const concurrency = flag('concurrency', 12);
  const server = await startDevServer({ vars: FUZZ_SERVER_VARS });
  let failed = false;
  try {
    await ensureOwnServer(server);
    const jobs = await createFuzzJobs(server.origin);
    const http = await runHttpFuzz({ origin: server.origin, runs, seed, concurrency, jobs });
    console.log(summarize(http));
    for (const violation of http.violations.slice(0, 20)) console.log(JSON.stringify(violation));
    failed ||= http.serverErrors > 0 || http.violations.length > 0;
    for (let round = 0; round < wsRounds; round += 1) {
      const ws = await runWsFuzz({ origin: server.origin, wsOrigin: server.wsOrigin, seed: seed + round });
      console.log(summarizeWs(ws));
      for (const failure of ws.failures.slice(0, 20)) console.log(JSON.stringify(failure));
      failed ||= ws.failures.length > 0;
    }
    const handshakes = await runHandshakeFuzz(server.origin, jobs[0]?.jobId ?? 'no-job-0');
    console.log(summarizeHandshakes(handshakes));
    for (const failure of handshakes.failures.slice(0, 20)) console.log(JSON.stringify(failure));
    failed ||= handshakes.failures.length > 0;
    const health = await fetch(`${server.origin}/health`);
    console.log(`server still serving: /health ${health.status}`);
    failed ||= health.status !== 200;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (failed) {
      const logFile = join(tmpdir(), `bookstrack-fuzz-${seed}.log`);
      writeFileSync(logFile, server.output());
      console.log(`wrangler output: ${logFile}`);
    }
    await server.stop();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
