// Loads both documents of two spec trees (base and head) and runs the OpenAPI and AsyncAPI diffs.
// A document the base lacks is new (nothing to break); one the head lacks is a breaking removal; a
// document whose info.version major was raised may break (the changes become notes).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNCAPI_ENTRY, OPENAPI_ENTRY } from '../core/paths';
import { diffAsyncApi } from './asyncapi-diff';
import type { BreakingChange } from './change';
import { loadDereferenced } from './load-spec';
import { diffOpenApi } from './openapi-diff';

export interface SpecComparison {
  changes: BreakingChange[];
  notes: string[];
  /** info.version of each document whose breaking changes its raised major allowed. */
  allowedBy: string[];
}

function infoVersion(document: unknown): unknown {
  return (document as { info?: { version?: unknown } } | undefined)?.info?.version;
}

/** Major part of `info.version` (semver), or undefined when absent or not numeric. */
export function majorVersion(document: unknown): number | undefined {
  const version = infoVersion(document);
  const major = typeof version === 'string' ? Number.parseInt(version.split('.')[0] ?? '', 10) : Number.NaN;
  return Number.isNaN(major) ? undefined : major;
}

const DOCUMENTS = [
  { name: 'OpenAPI', root: OPENAPI_ENTRY, diff: diffOpenApi },
  { name: 'AsyncAPI', root: ASYNCAPI_ENTRY, diff: diffAsyncApi },
] as const;

export function compareSpecs(baseSpecDir: string, headSpecDir: string): SpecComparison {
  const changes: BreakingChange[] = [];
  const notes: string[] = [];
  const allowedBy: string[] = [];
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
    const found = diff(base.document, head.document, originOf);
    const [was, now] = [majorVersion(base.document), majorVersion(head.document)];
    if (found.length > 0 && was !== undefined && now !== undefined && now > was) {
      // A new major contract version is the declared way to break clients (semver).
      notes.push(
        `${found.length} breaking change(s) in the ${name} document allowed: info.version major went from ${was} to ${now}`,
      );
      allowedBy.push(String(infoVersion(head.document)));
      continue;
    }
    changes.push(...found);
  }
  return { changes, notes, allowedBy };
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
