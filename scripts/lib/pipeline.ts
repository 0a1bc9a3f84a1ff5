// Orders the emitters: each step reads spec/ (or an earlier step's result) and returns outputs;
// nothing is written until every step has succeeded, so a failing run leaves generated/ intact.
import { join } from 'node:path';
import { bundleAsyncApi } from './bundle-asyncapi';
import { bundleOpenApi } from './bundle-openapi';
import { readExtensions } from './contract-extensions';
import { emitConstants } from './emit-constants';
import { emitDocsIndex } from './emit-docs-index';
import { emitHttpDocs } from './emit-docs-http';
import { emitWsDocs } from './emit-docs-ws';
import { emitManifest } from './emit-manifest';
import { emitSwift } from './emit-swift';
import { emitOperations } from './emit-operations';
import { emitOpenApiTypes } from './emit-types';
import { emitZod } from './emit-zod';
import type { HeaderInfo } from './header';
import { hashInputs, listInputFiles } from './inputs-hash';
import type { Output } from './output';
import { specPaths } from './paths';
import { loadSchemas } from './schema-files';
import { toJsonText } from './sort-keys';
import { validateAsyncApi } from './validate-asyncapi';
import { writeIfChanged } from './write-if-changed';

export interface GenerateOptions {
  outDir: string;
  specDir?: string;
}

export interface GenerateResult {
  outputs: Output[];
  written: string[];
  timings: Record<string, number>;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const spec = specPaths(options.specDir);
  const timings: Record<string, number> = {};
  const timed = async <T>(label: string, step: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await step();
    timings[label] = Math.round(performance.now() - start);
    return result;
  };
  const inputsHash = hashInputs(listInputFiles(spec.root));
  const output = (path: string, emitter: string, render: (header: HeaderInfo) => string): Output =>
    ({ path, emitter, content: render({ emitter, inputsHash }) });

  const schemas = loadSchemas(spec.schemas);
  const outputs: Output[] = [];
  outputs.push(await timed('schemas.ts', () => output('schemas.ts', 'lib/emit-zod.ts', (h) => emitZod(schemas, h))));
  // redocly runs in a child process, so the AsyncAPI bundle and its validation overlap with it.
  const [openapi, asyncapi] = await Promise.all([
    timed('openapi.json', () => bundleOpenApi(spec.openapi)),
    timed('asyncapi.json', async () => {
      const bundled = bundleAsyncApi(spec.asyncapi, spec.schemas);
      await validateAsyncApi(bundled);
      return bundled;
    }),
  ]);
  outputs.push(
    { path: 'openapi.json', emitter: 'lib/bundle-openapi.ts', content: toJsonText(openapi) },
    { path: 'asyncapi.json', emitter: 'lib/bundle-asyncapi.ts', content: toJsonText(asyncapi) },
  );
  const extensions = readExtensions(openapi, asyncapi, schemas);
  outputs.push(await timed('constants.ts', () => output('constants.ts', 'lib/emit-constants.ts', (h) => emitConstants(extensions, h))));
  outputs.push(await timed('operations.ts', () => output('operations.ts', 'lib/emit-operations.ts', (h) => emitOperations(openapi, schemas, h))));
  outputs.push(await timed('openapi-types.ts', async () => ({
    path: 'openapi-types.ts', emitter: 'lib/emit-types.ts', content: await emitOpenApiTypes(openapi, { emitter: 'lib/emit-types.ts', inputsHash }),
  })));

  outputs.push(await timed('swift', () => output('swift/BooksTrackModels.swift', 'lib/emit-swift.ts',
    (h) => emitSwift(schemas, { clientMessageTypes: extensions.clientMessageTypes }, h))));
  const [httpDocs, wsDocs] = await Promise.all([
    timed('docs/http.html', () => emitHttpDocs(openapi, { emitter: 'lib/emit-docs-http.ts', inputsHash })),
    timed('docs/ws.html', () => emitWsDocs(asyncapi, { emitter: 'lib/emit-docs-ws.ts', inputsHash })),
  ]);
  outputs.push(
    { path: 'docs/http.html', emitter: 'lib/emit-docs-http.ts', content: httpDocs },
    { path: 'docs/ws.html', emitter: 'lib/emit-docs-ws.ts', content: wsDocs },
    output('docs/index.html', 'lib/emit-docs-index.ts', (h) => emitDocsIndex(extensions, 'BooksTrack API', h)),
  );
  outputs.push(output('MANIFEST.md', 'lib/emit-manifest.ts', (h) => emitManifest(outputs, h)));

  const written = outputs.filter((file) => writeIfChanged(join(options.outDir, file.path), file.content)).map((file) => file.path);
  return { outputs, written, timings };
}
