// `npm run generate [-- --out <dir>] [--spec <dir>]`: regenerates every file of generated/ from spec/.
import { resolve } from 'node:path';
import { GENERATED_DIR } from './core/paths';
import { generate } from './lib/pipeline';

function dirOption(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  if (at === -1) return undefined;
  const dir = args[at + 1];
  if (!dir) throw new Error(`${flag} needs a directory`);
  return resolve(process.cwd(), dir);
}

const outDirFromArgs = (args: readonly string[]): string => dirOption(args, '--out') ?? GENERATED_DIR;
/** `--spec <dir>` reads another spec tree (tests use fixtures); the default is the repo's spec/. */
const specDirFromArgs = (args: readonly string[]): string | undefined => dirOption(args, '--spec');

const started = performance.now();
const outDir = outDirFromArgs(process.argv.slice(2));
const result = await generate({ outDir, specDir: specDirFromArgs(process.argv.slice(2)) });
const steps = Object.entries(result.timings)
  .map(([step, ms]) => `${step} ${ms} ms`)
  .join(', ');
console.log(
  `generated ${result.outputs.length} files into ${outDir} (${result.written.length} changed, ${
    result.removed.length
  } stale removed) in ${Math.round(performance.now() - started)} ms`,
);
console.log(`steps: ${steps}`);
