// The lint pipeline behind `npm run lint`: Spectral (standard + project rules), Redocly, `asyncapi
// validate`, dependency-cruiser over the sources, example validation, the cross-document
// operationId check, the close-code ↔ server test check and the one-meaning-per-field check, run side by side.
import { existsSync } from 'node:fs';
import { specPaths } from '../core/paths';
import { validateAsyncApi } from './asyncapi-validate';
import { runCloseCodeTests } from './close-code-tests';
import { collectOperationIds, findDuplicateOperationIds } from './cross-document';
import { findFieldMeaningClashes } from './field-meanings';
import { runDependencyCruiser } from './dependency-cruiser';
import { checkFormatting } from './format';
import { validateExamples } from './examples/validate-examples';
import type { Finding } from './finding';
import { runRedocly } from './redocly';
import { loadSpecFile, loadSpecTree, type SpecFile } from './spec-files';
import { runSpectral } from './spectral';

const { root: SPEC_DIR, schemas: SCHEMAS_DIR, openapi: OPENAPI_ROOT, asyncapi: ASYNCAPI_ROOT } = specPaths();

export interface LintResult {
  findings: Finding[];
  examplesChecked: number;
  timingsMs: Record<string, number>;
}

async function timed<T>(name: string, timings: Record<string, number>, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round(performance.now() - started);
  }
}

function yamlErrors(files: Map<string, SpecFile>): Finding[] {
  return [...files.values()].flatMap((spec) =>
    spec.errors.map((error) => ({
      tool: 'yaml',
      rule: 'yaml-syntax',
      severity: 'error' as const,
      file: spec.file,
      ...error,
    })),
  );
}

function missingRoots(): Finding[] {
  return [OPENAPI_ROOT, ASYNCAPI_ROOT]
    .filter((root) => !existsSync(root))
    .map((root) => ({
      tool: 'bookstrack',
      rule: 'spec-root-missing',
      severity: 'error' as const,
      message: 'spec root file is missing',
      file: root,
      line: 0,
      column: 0,
    }));
}

function crossDocument(files: Map<string, SpecFile>): Finding[] {
  const openapi = files.get(OPENAPI_ROOT);
  const asyncapi = files.get(ASYNCAPI_ROOT);
  if (!openapi || !asyncapi) return [];
  return findDuplicateOperationIds(
    collectOperationIds(openapi, asyncapi, (file) => files.get(file) ?? loadSpecFile(file)),
  );
}

/** Same problem reported twice (a schema file linted alone and through a root document) counts once. */
function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = [finding.tool, finding.rule, finding.file, finding.line, finding.column, finding.message].join(
      '\u0000',
    );
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function runLint(): Promise<LintResult> {
  const timingsMs: Record<string, number> = {};
  const files = loadSpecTree(SPEC_DIR);
  const schemaFiles = [...files.keys()].filter((file) => file.startsWith(SCHEMAS_DIR));
  const roots = [OPENAPI_ROOT, ASYNCAPI_ROOT].filter((root) => existsSync(root));
  const [spectral, redocly, parser, dependencies, formatting] = await Promise.all([
    timed('spectral', timingsMs, () => runSpectral([...roots, ...schemaFiles])),
    timed('redocly', timingsMs, () => runRedocly()),
    timed('asyncapi-validate', timingsMs, () => (existsSync(ASYNCAPI_ROOT) ? validateAsyncApi(ASYNCAPI_ROOT) : [])),
    timed('dependencies', timingsMs, () => runDependencyCruiser()),
    timed('format', timingsMs, () => checkFormatting()),
  ]);
  const examples = await timed('examples', timingsMs, () => validateExamples(SPEC_DIR, files));
  const cross = await timed('cross-document', timingsMs, () => crossDocument(files));
  const closeTests = await timed('close-code-tests', timingsMs, () =>
    existsSync(ASYNCAPI_ROOT) ? runCloseCodeTests(ASYNCAPI_ROOT) : [],
  );
  const meanings = await timed('field-meanings', timingsMs, () =>
    findFieldMeaningClashes(
      [...files.values()].filter((spec) => spec.file.startsWith(SCHEMAS_DIR)),
      (file) => files.get(file) ?? loadSpecFile(file),
    ),
  );
  const findings = unique([
    ...missingRoots(),
    ...yamlErrors(files),
    ...spectral,
    ...redocly,
    ...parser,
    ...dependencies,
    ...formatting,
    ...examples.findings,
    ...cross,
    ...closeTests,
    ...meanings,
  ]);
  return { findings, examplesChecked: examples.checked, timingsMs };
}
