// `npm run generate [-- --out <dir>]`: regenerates every file of generated/ from spec/.
import { resolve } from 'node:path';
import { DEFAULT_OUT_DIR } from './lib/paths';
import { generate } from './lib/pipeline';

function outDirFromArgs(args: readonly string[]): string {
  const at = args.indexOf('--out');
  if (at === -1) return DEFAULT_OUT_DIR;
  const dir = args[at + 1];
  if (!dir) throw new Error('--out needs a directory');
  return resolve(process.cwd(), dir);
}

const started = performance.now();
const outDir = outDirFromArgs(process.argv.slice(2));
const result = await generate(outDir);
const steps = Object.entries(result.timings).map(([step, ms]) => `${step} ${ms} ms`).join(', ');
console.log(`generated ${result.outputs.length} files into ${outDir} (${result.written.length} changed) in ${Math.round(performance.now() - started)} ms`);
console.log(`steps: ${steps}`);
