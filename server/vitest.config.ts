// Tests run inside workerd via the Workers pool, against the real wrangler config.
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        // Tests answer from the bundled catalogue; a provider test passes PROVIDER_MODE "live" with a fake fetch.
        bindings: { ENVIRONMENT: 'test', VALIDATE_RESPONSES: 'true', PROVIDER_MODE: 'offline' },
      },
    }),
  ],
  test: {
    include: ['test/**/*.test.ts'],
    // One suffix per runner: *.test.ts here, *.e2e.test.ts against wrangler dev, *.browser.test.ts in chromium.
    exclude: ['test/e2e/**', '**/*.e2e.test.ts', '**/*.browser.test.ts', 'node_modules/**'],
    // Jobs run on real alarms here; on a loaded 2-core CI box a few seconds is normal.
    testTimeout: 20_000,
  },
});
