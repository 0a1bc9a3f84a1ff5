// The `wrangler dev` configuration the fuzzers run against: the production configuration of
// wrangler.jsonc (ENVIRONMENT=production, VALIDATE_RESPONSES off, so the fuzzer and not the server
// judges the responses), with the job-start rate limit raised so thousands of starts get through, and
// paced job steps so the WebSocket fuzzer's jobs run for seconds (and the HTTP fuzzer's jobs stay cheap).
export const FUZZ_SERVER_VARS: Record<string, string> = {
  // server/.dev.vars says development (with response validation) for local runs; undo both.
  ENVIRONMENT: 'production',
  VALIDATE_RESPONSES: 'false',
  // Production's providers are live; no network is reachable here, so the catalogue answers.
  PROVIDER_MODE: 'offline',
  RATE_LIMIT_PER_MINUTE: '1000000',
  JOB_STEP_DELAY_MS: '100',
};

/**
 * The e2e launcher picks a free port, frees it, then lets wrangler bind it; on a busy machine another
 * process can take it first and answer /health. Waits until this wrangler says it is ready on that
 * origin, so a fuzz or load run never hits someone else's server.
 */
export async function ensureOwnServer(
  server: { origin: string; output: () => string },
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const output = server.output();
    if (output.includes('Address already in use'))
      throw new Error(`wrangler could not bind ${server.origin}: another process has the port`);
    if (output.includes(`Ready on ${server.origin}`)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`wrangler never reported ready on ${server.origin}`);
}
