// Tests run inside workerd via the Workers pool, against the real wrangler config.
import { readFileSync } from 'node:fs';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig, type Plugin } from 'vitest/config';

// wrangler bundles *.html as Text modules (wrangler.jsonc `rules`); the pool cannot load Text modules
// from outside server/ (generated/docs), so under test they become plain JS string modules.
const HTML_AS_TEXT_PREFIX = '\0html-text:';
const htmlAsText: Plugin = {
  name: 'bookstrack-html-as-text',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!source.endsWith('.html')) return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    // The id must not end in .html, or the pool's Text rule claims it again.
    return resolved ? `${HTML_AS_TEXT_PREFIX}${resolved.id}.js` : null;
  },
  load(id) {
    if (!id.startsWith(HTML_AS_TEXT_PREFIX)) return null;
    return `export default ${JSON.stringify(readFileSync(id.slice(HTML_AS_TEXT_PREFIX.length, -'.js'.length), 'utf8'))};`;
  },
};

export default defineConfig({
  plugins: [
    htmlAsText,
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        bindings: { ENVIRONMENT: 'test', VALIDATE_RESPONSES: 'true' },
      },
    }),
  ],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Jobs run on real alarms here; on a loaded 2-core CI box a few seconds is normal.
    testTimeout: 20_000,
  },
});
