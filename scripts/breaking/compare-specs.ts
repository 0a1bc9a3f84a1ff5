// Loads both documents of two contract versions (a spec/ tree, or the bundles of a release) and
// classifies every change between them (operations, messages, channels, the documents' remainder).
// A document the base lacks is new (nothing to compare); one the head lacks is a breaking removal.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNCAPI_ENTRY, OPENAPI_ENTRY } from '../core/paths';
import { classifyAsyncApi } from './asyncapi-diff';
import type { BreakingChange, Change } from './change';
import { classifyDocument } from './document-diff';
import { loadDereferenced } from './load-spec';
import { classifyOpenApi } from './openapi-diff';

/** The two root documents of one contract version and the folder origins are named relative to. */
export interface ContractSource {
  openapi: string;
  asyncapi: string;
  rootDir: string;
}

export const specTree = (specDir: string): ContractSource => ({
  openapi: join(specDir, OPENAPI_ENTRY),
  asyncapi: join(specDir, ASYNCAPI_ENTRY),
  rootDir: specDir,
});

/** A release folder (`releases/2.0.0/`) holds the two bundles as generated/ had them. */
export const releaseBundles = (releaseDir: string): ContractSource => ({
  openapi: join(releaseDir, 'openapi.json'),
  asyncapi: join(releaseDir, 'asyncapi.json'),
  rootDir: releaseDir,
});

export interface SpecComparison {
  changes: Change[];
  notes: string[];
  /** info.version of each document present in the head (OpenAPI first). */
  headVersions: string[];
  /** info.version of each document present in the base (OpenAPI first). */
  baseVersions: string[];
}

export function infoVersion(document: unknown): string | undefined {
  const version = (document as { info?: { version?: unknown } } | undefined)?.info?.version;
  return typeof version === 'string' ? version : undefined;
}

const DOCUMENTS = [
  { name: 'OpenAPI', key: 'openapi', diff: classifyOpenApi },
  { name: 'AsyncAPI', key: 'asyncapi', diff: classifyAsyncApi },
] as const;

export function compareContracts(baseSource: ContractSource, headSource: ContractSource): SpecComparison {
  const comparison: SpecComparison = { changes: [], notes: [], headVersions: [], baseVersions: [] };
  for (const { name, key, diff } of DOCUMENTS) {
    const [baseRoot, headRoot] = [baseSource[key], headSource[key]];
    const head = existsSync(headRoot) ? loadDereferenced(headRoot, headSource.rootDir) : undefined;
    const headVersion = infoVersion(head?.document);
    if (headVersion) comparison.headVersions.push(headVersion);
    if (!existsSync(baseRoot)) {
      comparison.notes.push(`the base has no ${name} document: it is new, nothing to compare`);
      continue;
    }
    const base = loadDereferenced(baseRoot, baseSource.rootDir);
    const baseVersion = infoVersion(base.document);
    if (baseVersion) comparison.baseVersions.push(baseVersion);
    if (!head) {
      const subject = `${name} document`;
      comparison.changes.push({
        kind: 'breaking',
        location: subject,
        message: `the ${name} document was removed`,
        subject,
      });
      continue;
    }
    const originOf = (node: object) => head.originOf(node) ?? base.originOf(node);
    comparison.changes.push(
      ...diff(base.document, head.document, originOf),
      ...classifyDocument(base.document, head.document, name),
    );
  }
  return comparison;
}

/** Both spec/ trees (the gate's historic entry point). */
export function compareSpecs(baseSpecDir: string, headSpecDir: string): SpecComparison {
  return compareContracts(specTree(baseSpecDir), specTree(headSpecDir));
}

/** One line per distinct change: a schema change met through many operations prints once, with a count. */
export function formatChanges(changes: readonly BreakingChange[]): string[] {
  const groups = new Map<string, { change: BreakingChange; count: number }>();
  for (const change of changes) {
    const key = change.origin ? `${change.origin}\u0000${change.message}` : `${change.location}\u0000${change.message}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { change, count: 1 });
  }
  return [...groups.values()].map(({ change, count }) => {
    const origin = change.origin ? ` (spec/${change.origin})` : '';
    const more = count > 1 ? ` [and ${count - 1} more location(s) using the same schema]` : '';
    return `${change.location}: ${change.message}${origin}${more}`;
  });
}
