// Loads both documents of two spec trees (base and head) and runs the OpenAPI and AsyncAPI diffs.
// A document the base lacks is new (nothing to break); one the head lacks is a breaking removal.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { diffAsyncApi } from './asyncapi-diff';
import type { BreakingChange } from './change';
import { loadDereferenced } from './load-spec';
import { diffOpenApi } from './openapi-diff';

export interface SpecComparison {
  changes: BreakingChange[];
  notes: string[];
}

const DOCUMENTS = [
  { name: 'OpenAPI', root: 'openapi/openapi.yaml', diff: diffOpenApi },
  { name: 'AsyncAPI', root: 'asyncapi/asyncapi.yaml', diff: diffAsyncApi },
] as const;

export function compareSpecs(baseSpecDir: string, headSpecDir: string): SpecComparison {
  const changes: BreakingChange[] = [];
  const notes: string[] = [];
  for (const { name, root, diff } of DOCUMENTS) {
    const baseRoot = join(baseSpecDir, root);
    const headRoot = join(headSpecDir, root);
    if (!existsSync(baseRoot)) {
      notes.push(`the base has no spec/${root}: the ${name} document is new, nothing to compare`);
      continue;
    }
    if (!existsSync(headRoot)) {
      changes.push({ location: `spec/${root}`, message: `the ${name} document was removed` });
      continue;
    }
    const base = loadDereferenced(baseRoot, baseSpecDir);
    const head = loadDereferenced(headRoot, headSpecDir);
    const originOf = (node: object) => head.originOf(node) ?? base.originOf(node);
    changes.push(...diff(base.document, head.document, originOf));
  }
  return { changes, notes };
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
