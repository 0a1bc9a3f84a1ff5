// Bundles the demo page (demo/main.ts + src/ + generated/) into server/public/app.js, the one script
// the page loads, and the /docs/ws console (docs-console/main.ts) into server/public/docs-console.js. Run by `npm run build -w @bookstrack/client`, and by wrangler before every
// `wrangler dev`/`deploy` (server/wrangler.jsonc `build`), so the served bundle is never stale.
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

const clientDir = fileURLToPath(new URL('..', import.meta.url));
const publicDir = fileURLToPath(new URL('../../server/public/', import.meta.url));

// esbuild keeps every zod locale (260 KB) because zod re-exports `locales` on its `z` namespace
// object (rollup and webpack shake it, esbuild does not). The client never reads z.locales; zod's
// own English messages are imported separately and stay.
const dropZodLocaleIndex: Plugin = {
  name: 'drop-zod-locale-index',
  setup(builder) {
    builder.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/node_modules/zod/') ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// The demo page's app.js, and the live console of /docs/ws (docs-console/, emit-docs-ws.ts loads it).
const result = await build({
  plugins: [dropZodLocaleIndex],
  absWorkingDir: clientDir,
  entryPoints: [
    { in: 'demo/main.ts', out: 'app' },
    { in: 'docs-console/main.ts', out: 'docs-console' },
  ],
  outdir: publicDir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  banner: {
    js: '// Built from client/demo or client/docs-console by client/scripts/build-demo.ts; not committed. Rebuild: npm run build -w @bookstrack/client',
  },
});

for (const [file, output] of Object.entries(result.metafile.outputs))
  console.log(`client: wrote ${file} (${Math.round(output.bytes / 1024)} KiB)`);
