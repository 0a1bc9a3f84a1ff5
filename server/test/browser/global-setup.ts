// One `wrangler dev` for all browser tests (fresh persisted state, slow job steps so a CSV import
// runs for a few seconds); nothing is started when chromium is absent and the tests will skip.
import type { TestProject } from 'vitest/node';
import { startDevServer } from '../helpers/wrangler-dev';
import { findChromium, isBrowserRequired, SKIP_MESSAGE } from './chromium';

/** Delay between job steps; the browser CSV has several 500-row steps, so the job lasts a few seconds. */
export const JOB_STEP_DELAY_MS = 700;

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!findChromium()) {
    // CI sets REQUIRE_BROWSER=1: there a missing chromium fails the run instead of skipping it.
    if (isBrowserRequired)
      throw new Error(`REQUIRE_BROWSER=1 and ${SKIP_MESSAGE.replace('browser tests SKIPPED: ', '')}`);
    console.log(SKIP_MESSAGE);
    project.provide('origin', '');
    return undefined;
  }
  const server = await startDevServer({
    vars: { JOB_STEP_DELAY_MS: String(JOB_STEP_DELAY_MS) },
    startTimeoutMs: 90_000,
  });
  project.provide('origin', server.origin);
  return () => server.stop();
}
