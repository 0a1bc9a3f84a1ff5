// The `wrangler dev` configuration the fuzzers run against: the production configuration of
// wrangler.jsonc (ENVIRONMENT=production, VALIDATE_RESPONSES off, so the fuzzer and not the server
// judges the responses), with the job-start rate limit raised so thousands of starts get through, and
// paced job steps so the WebSocket fuzzer's jobs run for seconds (and the HTTP fuzzer's jobs stay cheap).
export const FUZZ_SERVER_VARS: Record<string, string> = {
  // server/.dev.vars says development (with response validation) for local runs; undo both.
  ENVIRONMENT: 'production',
  VALIDATE_RESPONSES: 'false',
  RATE_LIMIT_PER_MINUTE: '1000000',
  JOB_STEP_DELAY_MS: '100',
};
