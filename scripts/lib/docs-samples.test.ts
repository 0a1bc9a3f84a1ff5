// The code samples the docs show are checked, not just printed: every TypeScript sample (per
// operation, per message, the walkthrough's web flow and its partysocket setup) is compiled by tsc against client/src and
// generated/, every Swift sample parsed by the Swift syntax check. A canary file with a wrong call
// proves the compile run reports errors at all.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messageSamples, operationSamples, type Samples } from './docs-samples';
import { listOperations } from './emit-docs-http';
import { readExtensions } from './contract-extensions';
import { iosFlowSample, partysocketSample, webFlowSample } from './emit-docs-walkthrough';
import { loadSchemas } from './schema-files';
import { listMessages } from './emit-docs-ws';
import type { JsonSchema } from './json-schema';
import { REPO_ROOT, specPaths } from '../core/paths';
import { loadSwiftParser, swiftSyntaxErrors } from './swift-syntax';

const load = (file: string): JsonSchema =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'generated', file), 'utf8')) as JsonSchema;
const openapi = load('openapi.json');
const asyncapi = load('asyncapi.json');
const JOB_ID = '0b8f6c1e-2d4a-4f9b-8e3c-7a1d5f6e9b20';

const samples: Array<{ name: string; samples: Samples }> = [
  ...listOperations(openapi).map((item) => ({ name: item.operationId, samples: operationSamples(item, JOB_ID) })),
  ...listMessages(asyncapi).map((message) => ({
    name: `message-${message.name}`,
    samples: messageSamples(message, JOB_ID),
  })),
  { name: 'walkthrough', samples: { ts: webFlowSample(), swift: iosFlowSample() } },
];
/** The walkthrough's partysocket setup, against partysocket's own types (its `job` is the 202's data). */
const PARTYSOCKET = `declare const job: { jobId: string; token: string };\n${partysocketSample(
  readExtensions(openapi, asyncapi, loadSchemas(specPaths().schemas)),
)}\n`;

/** Every sample is a module of its own, so names never clash across files. */
const asModule = (source: string): string => (/^import /m.test(source) ? source : `${source}export {};\n`);

describe('docs code samples', () => {
  it('cover every operation and message of both documents', () => {
    expect(samples.length).toBe(listOperations(openapi).length + listMessages(asyncapi).length + 1);
    expect(samples.map((sample) => sample.name)).toEqual(expect.arrayContaining(['importCsv', 'message-job_progress']));
  });

  it('type-check as TypeScript against the client and the generated contract', () => {
    const dir = join(REPO_ROOT, 'artifacts', 'docs-samples');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const { name, samples: sample } of samples) writeFileSync(join(dir, `${name}.ts`), asModule(sample.ts));
    writeFileSync(join(dir, 'walkthrough-partysocket.ts'), PARTYSOCKET);
    writeFileSync(
      join(dir, 'canary.ts'),
      "import { BooksTrackApi } from '@bookstrack/client';\nawait new BooksTrackApi({ baseUrl: '' }).noSuchOperation();\n",
    );
    const config = {
      extends: '../../tsconfig.json',
      compilerOptions: { lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [], noEmit: true },
      include: ['*.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    let output = '';
    try {
      execFileSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')], {
        encoding: 'utf8',
        cwd: dir,
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors.filter((line) => !line.startsWith('canary.ts'))).toEqual([]);
    expect(errors.some((line) => line.startsWith('canary.ts') && line.includes('noSuchOperation'))).toBe(true);
  }, 120_000);

  describe('as Swift', () => {
    beforeAll(loadSwiftParser);

    it.each(samples.map((sample) => [sample.name, sample.samples.swift] as const))('%s parses', (_name, swift) => {
      expect(swiftSyntaxErrors(swift)).toEqual([]);
    });

    it('the syntax check rejects a broken sample', () => {
      expect(swiftSyntaxErrors('func broken( {\n')).not.toEqual([]);
    });
  });
});
