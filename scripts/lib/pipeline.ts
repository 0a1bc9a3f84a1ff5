// Orders the emitters: each step reads spec/ (or an earlier step's result) and returns outputs;
// nothing is written until every step has succeeded, so a failing run leaves generated/ intact.
import { join } from 'node:path';
import { emitZod } from './emit-zod';
import type { HeaderInfo } from './header';
import { hashInputs } from './inputs-hash';
import type { Output } from './output';
import { SCHEMAS_DIR } from './paths';
import { loadSchemas } from './schema-files';
import { writeIfChanged } from './write-if-changed';

export interface GenerateResult {
  outputs: Output[];
  written: string[];
  timings: Record<string, number>;
}

export async function generate(outDir: string): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(label: string, step: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await step();
    timings[label] = Math.round(performance.now() - start);
    return result;
  };
  const inputsHash = hashInputs();
  const header = (emitter: string): HeaderInfo => ({ emitter, inputsHash });
  const schemas = loadSchemas(SCHEMAS_DIR);
  const outputs: Output[] = [];
  outputs.push(await timed('schemas.ts', () => ({
    path: 'schemas.ts', emitter: 'lib/emit-zod.ts', content: emitZod(schemas, header('lib/emit-zod.ts')),
  })));
  const written = outputs.filter((output) => writeIfChanged(join(outDir, output.path), output.content)).map((o) => o.path);
  return { outputs, written, timings };
}
