// `npm run deploy:check`: builds the production Worker with `wrangler deploy --dry-run` and fails
// when the bundle's gzipped size is over the budget (the docs are static assets, not modules).
// It refuses the contract simulator outright (`--config wrangler.simulator.jsonc`, or a config that
// names its entry, class or ENVIRONMENT): the simulator is local only and never deployed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIMULATOR_CONFIG = 'wrangler.simulator.jsonc';
const SIMULATOR_MARKS = [/src\/simulator\//, /"SimulatorSocket"/, /"ENVIRONMENT"\s*:\s*"simulator"/];

/** Why this config must not be deployed (it is, or contains, the contract simulator), or undefined. */
export function simulatorRefusal(configPath: string, configText: string): string | undefined {
  if (basename(configPath) === SIMULATOR_CONFIG) return `${SIMULATOR_CONFIG} is the contract simulator: never deployed`;
  const mark = SIMULATOR_MARKS.find((pattern) => pattern.test(configText));
  return mark ? `${basename(configPath)} names the contract simulator (${mark.source}): never deployed` : undefined;
}

/** The --config / -c argument, else wrangler's default config. */
export function configArgument(argv: readonly string[]): string {
  const at = argv.findIndex((arg) => arg === '--config' || arg === '-c');
  const inline = argv.find((arg) => arg.startsWith('--config='));
  return (at >= 0 ? argv[at + 1] : inline?.slice('--config='.length)) ?? 'wrangler.jsonc';
}

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
  const config = configArgument(process.argv.slice(2));
  const refusal = simulatorRefusal(config, readFileSync(join(serverDir, config), 'utf8'));
  if (refusal) {
    console.error(`deploy:check: refused: ${refusal}`);
    return 1;
  }
  const run = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist', '--config', config], {
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
