// The hardening suites that need a real `wrangler dev` (Node, not the Workers pool): contract fuzzing
// and the reliability/auth end-to-end checks. Run: `vitest run --config test/fuzz/vitest.config.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/fuzz/**/*.e2e.test.ts', 'test/reliability/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 90_000,
    // Each file starts its own wrangler dev; two at once would halve what each can measure on 2 cores.
    fileParallelism: false,
  },
});
