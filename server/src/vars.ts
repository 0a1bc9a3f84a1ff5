// The Worker's string vars and secrets (wrangler.jsonc `vars`, .dev.vars, `wrangler secret`): a
// bottom-layer type every module may read. env.ts adds the bindings on top of it.

export interface WorkerVars {
  /** "development" | "test" | "production". Test-only behaviour is never reachable in production. */
  ENVIRONMENT?: string;
  /** "true" checks every JSON response and outbound frame against the generated schemas. */
  VALIDATE_RESPONSES?: string;
  /** Deprecated `?token=` WebSocket auth; accepted only when "true". */
  ALLOW_QUERY_TOKEN?: string;
  /** Milliseconds between job steps (default 0), so a demo or e2e test can watch a job run. */
  JOB_STEP_DELAY_MS?: string;
  /** Job-start requests per client IP per window (default from the spec's x-rate-limit). */
  RATE_LIMIT_PER_MINUTE?: string;
  /** Token policy overrides for local tests only (seconds); defaults come from the spec. */
  TOKEN_LIFETIME_SECONDS?: string;
  TOKEN_CHECK_INTERVAL_SECONDS?: string;
  TOKEN_REFRESH_WINDOW_SECONDS?: string;
  TOKEN_GRACE_SECONDS?: string;
  TOKEN_REVOCATION_SECONDS?: string;
  RESULTS_RETENTION_SECONDS?: string;
  /**
   * "live" (production, also when unset): Open Library, plus Google Books and Gemini when their
   * secrets are set. "offline" (.dev.vars, tests): the bundled catalogue and the barcode reader.
   */
  PROVIDER_MODE?: string;
  GOOGLE_BOOKS_API_KEY?: string;
  GEMINI_API_KEY?: string;
}
