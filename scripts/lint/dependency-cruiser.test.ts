// The dependency step on the fixture trees: each rule of .dependency-cruiser.cjs fires once on broken/,
// and nothing fires on clean/, which has every allowed direction (and a package subpath import).
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { locateImport, runDependencyCruiser } from './dependency-cruiser';
import type { Finding } from './finding';
import { LINT_FIXTURES_DIR as FIXTURES_DIR } from '../core/paths';

const BROKEN = join(FIXTURES_DIR, 'deps', 'broken');
const CLEAN = join(FIXTURES_DIR, 'deps', 'clean');

const summarize = (findings: Finding[], root: string): string[] =>
  findings.map((finding) => `${finding.rule} ${relative(root, finding.file)}:${finding.line}:${finding.column}`).sort();

describe('dependency step', () => {
  let broken: Finding[];
  beforeAll(async () => {
    broken = await runDependencyCruiser(BROKEN);
  }, 60_000);

  it('reports each broken rule on the importing file at the line of the import', () => {
    expect(summarize(broken, BROKEN)).toEqual([
      'generated-not-to-source generated/schemas.ts:2:25',
      'no-circular client/src/emitter.ts:2:24',
      'not-to-unresolvable server/src/books/isbn.ts:2:28',
      'pure-not-to-shell server/src/jobs/job-view.ts:2:29',
      'pure-not-to-wiring server/src/pipelines/pipeline.ts:2:26',
      'shell-not-to-wiring server/src/durable/job-store.ts:2:22',
    ]);
    expect(broken.every((finding) => finding.tool === 'dependency-cruiser' && finding.severity === 'error')).toBe(true);
  });

  it('counts a type-only import and spells out the cycle', () => {
    const messages = new Map(broken.map((finding) => [finding.rule, finding.message]));
    expect(messages.get('pure-not-to-shell')).toBe('type-only import of server/src/durable/job-store.ts');
    expect(messages.get('no-circular')).toBe(
      'import of client/src/frame-decoder.ts closes a cycle: client/src/emitter.ts → client/src/frame-decoder.ts → client/src/emitter.ts',
    );
  });

  it('reports nothing on a tree whose imports all point down', async () => {
    expect(await runDependencyCruiser(CLEAN)).toEqual([]);
  }, 60_000);

  it('reports a config the tool cannot load as one run error', async () => {
    const findings = await runDependencyCruiser(CLEAN, join(CLEAN, 'no-such-config.cjs'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      tool: 'dependency-cruiser',
      rule: 'dependency-cruiser-run',
      severity: 'error',
    });
  }, 60_000);

  it('locates an import by its quoted specifier', () => {
    const source = '// header\nimport type { A } from \'./a\';\nexport { b } from "./b";\n';
    expect(locateImport(source, './a')).toEqual({ line: 2, column: 24 });
    expect(locateImport(source, './b')).toEqual({ line: 3, column: 19 });
    expect(locateImport(source, './c')).toEqual({ line: 0, column: 0 });
    expect(locateImport(source, undefined)).toEqual({ line: 0, column: 0 });
  });
});
