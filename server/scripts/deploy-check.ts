// `npm run deploy:check`: builds the production Worker with `wrangler deploy --dry-run` and fails
// when the bundle's gzipped size is over the budget (the docs are static assets, not modules).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Cloudflare's free-plan Worker limit is 3 MB gzipped; ours stays far below to keep cold starts fast. */
export const BUNDLE_GZIP_BUDGET_KIB = 1024;

export interface UploadSize {
  rawKiB: number;
  gzipKiB: number;
}

/** Reads wrangler's "Total Upload: 2301.36 KiB / gzip: 658.69 KiB" line. */
export function parseUploadSize(output: string): UploadSize | undefined {
  const match = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(output);
  return match ? { rawKiB: Number(match[1]), gzipKiB: Number(match[2]) } : undefined;
}

function main(): number {
  const serverDir = fileURLToPath(new URL('..', import.meta.url).href);
  const run = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist'], {
    cwd: serverDir,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) {
    process.stderr.write(output);
    console.error(`deploy:check: wrangler deploy --dry-run exited ${run.status}`);
    return 1;
  }
  const size = parseUploadSize(output);
  if (!size) {
    process.stderr.write(output);
    console.error('deploy:check: wrangler printed no "Total Upload" line');
    return 1;
  }
  const verdict = size.gzipKiB <= BUNDLE_GZIP_BUDGET_KIB ? 'within' : 'OVER';
  console.log(
    `deploy:check: Worker bundle ${size.rawKiB} KiB raw, ${size.gzipKiB} KiB gzipped: ${verdict} the ${BUNDLE_GZIP_BUDGET_KIB} KiB budget`,
  );
  return verdict === 'within' ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
