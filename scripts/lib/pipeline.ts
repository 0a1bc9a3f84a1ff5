// Orders the emitters: each step reads spec/ (or an earlier step's result) and returns outputs;
// nothing is written until every step has succeeded, so a failing run leaves generated/ intact.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleAsyncApi } from './bundle-asyncapi';
import { bundleOpenApi } from './bundle-openapi';
import { readExtensions } from './contract-extensions';
import { emitConstants } from './emit-constants';
import { emitFastValidators } from './emit-fast-validators';
import { emitDocsIndex } from './emit-docs-index';
import { emitSwiftDocs } from './emit-docs-swift';
import { emitHttpDocs } from './emit-docs-http';
import { emitWalkthroughDocs } from './emit-docs-walkthrough';
import { emitWsDocs } from './emit-docs-ws';
import { emitManifest } from './emit-manifest';
import { emitSwift } from './emit-swift';
import { emitSwiftContract } from './emit-swift-contract';
import { emitSwiftRuleTests } from './emit-swift-rule-tests';
import { emitSwiftSupport } from './emit-swift-support';
import { emitSwiftExampleTests } from './emit-swift-tests';
import { emitOperations } from './emit-operations';
import { emitReaders } from './emit-readers';
import { emitOpenApiTypes } from './emit-types';
import { emitZod } from './emit-zod';
import type { HeaderInfo } from './header';
import { hashInputs, listInputFiles } from './inputs-hash';
import type { Output } from './output';
import { specPaths, SWIFT_GUIDE } from '../core/paths';
import { loadSchemas } from './schema-files';
import { swiftDecodingRules } from './swift-decoding-rules';
import { listSpecExamples } from './spec-examples';
import { SWIFT_PACKAGE } from './swift-package';
import { toJsonText } from './sort-keys';
import { validateAsyncApi } from './validate-asyncapi';
import { pruneStale } from './prune-stale';
import { writeIfChanged } from './write-if-changed';

export interface GenerateOptions {
  outDir: string;
  specDir?: string;
}

export interface GenerateResult {
  outputs: Output[];
  written: string[];
  /** Files of an earlier run that this run no longer generates, now deleted. */
  removed: string[];
  timings: Record<string, number>;
}

type Render = (header: HeaderInfo) => string | Promise<string>;

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
  const emit = (path: string, emitter: string, render: Render): Promise<Output> =>
    timed(path, async () => ({ path, emitter, content: await render({ emitter, inputsHash }) }));

  const schemas = loadSchemas(spec.schemas);
  const [openapi, asyncapi] = await Promise.all([
    timed('bundle openapi', () => bundleOpenApi(spec.openapi)),
    timed('bundle + validate asyncapi', async () => {
      const bundled = bundleAsyncApi(spec.asyncapi, spec.schemas);
      await validateAsyncApi(bundled);
      return bundled;
    }),
  ]);
  const extensions = readExtensions(openapi, asyncapi, schemas);
  const outputs: Output[] = await Promise.all([
    emit('schemas.ts', 'lib/emit-zod.ts', (h) => emitZod(schemas, h)),
    emit('fast-validators.ts', 'lib/emit-fast-validators.ts', (h) => emitFastValidators(schemas, openapi, h)),
    // JSON has no comment syntax: these two carry no header; MANIFEST.md records them.
    emit('openapi.json', 'lib/bundle-openapi.ts', () => toJsonText(openapi)),
    emit('asyncapi.json', 'lib/bundle-asyncapi.ts', () => toJsonText(asyncapi)),
    emit('constants.ts', 'lib/emit-constants.ts', (h) => emitConstants(extensions, h)),
    emit('operations.ts', 'lib/emit-operations.ts', (h) => emitOperations(openapi, schemas, h)),
    emit('readers.ts', 'lib/emit-readers.ts', (h) => emitReaders(openapi, schemas, h)),
    emit('openapi-types.ts', 'lib/emit-types.ts', (h) => emitOpenApiTypes(openapi, h)),
    emit(`${SWIFT_PACKAGE.sources}/BooksTrackModels.swift`, 'lib/emit-swift.ts', (h) =>
      emitSwift(schemas, { clientMessageTypes: extensions.clientMessageTypes }, h),
    ),
    emit(`${SWIFT_PACKAGE.sources}/BooksTrackSupport.swift`, 'lib/emit-swift-support.ts', (h) => emitSwiftSupport(h)),
    emit(`${SWIFT_PACKAGE.sources}/BooksTrackContract.swift`, 'lib/emit-swift-contract.ts', (h) =>
      emitSwiftContract(extensions, h),
    ),
    emit(`${SWIFT_PACKAGE.tests}/ExampleDecodingTests.swift`, 'lib/emit-swift-tests.ts', (h) =>
      emitSwiftExampleTests(listSpecExamples(schemas, openapi, asyncapi), schemas, extensions.clientMessageTypes, h),
    ),
    emit(`${SWIFT_PACKAGE.tests}/DecodingRulesTests.swift`, 'lib/emit-swift-rule-tests.ts', (h) =>
      emitSwiftRuleTests(schemas, extensions, h),
    ),
    // JSON, no header (MANIFEST.md records it): a release keeps it for the old-client test.
    emit('swift/decoding-rules.json', 'lib/swift-decoding-rules.ts', () =>
      toJsonText(swiftDecodingRules(schemas, openapi, extensions.clientMessageTypes)),
    ),
    emit('docs/http.html', 'lib/emit-docs-http.ts', (h) => emitHttpDocs(openapi, h)),
    emit('docs/ws.html', 'lib/emit-docs-ws.ts', (h) => emitWsDocs(asyncapi, extensions, h)),
    emit('docs/walkthrough.html', 'lib/emit-docs-walkthrough.ts', (h) => emitWalkthroughDocs(extensions, h)),
    emit('docs/index.html', 'lib/emit-docs-index.ts', (h) => emitDocsIndex(extensions, 'BooksTrack API', h)),
    emit('docs/swift.html', 'lib/emit-docs-swift.ts', (h) =>
      emitSwiftDocs(readFileSync(SWIFT_GUIDE, 'utf8'), extensions.contractVersion, h),
    ),
  ]);
  outputs.push(await emit('MANIFEST.md', 'lib/emit-manifest.ts', (h) => emitManifest(outputs, h)));

  // Prune before writing: the old MANIFEST.md is about to be replaced.
  const removed = pruneStale(
    options.outDir,
    outputs.map((file) => file.path),
  );
  const written = outputs
    .filter((file) => writeIfChanged(join(options.outDir, file.path), file.content))
    .map((file) => file.path);
  return { outputs, written, removed, timings };
}
