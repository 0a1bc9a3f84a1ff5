// What the operation, message and channel diffs do not walk: `info` (but its version), `servers`,
// `tags` and top-level `x-` extensions such as `info.x-token-policy`. Any non-documentation difference
// there is listed as additive (a human reads it in the changelog; the gate asks for a minor bump), and
// prose changes as docs. Subject: `OpenAPI document` / `AsyncAPI document`.
import type { Change } from './change';
import { docChanges, withoutDocs } from './docs-diff';
import { isSchema, same, type Schema } from './schema-keywords';

const WALKED = new Set(['paths', 'channels', 'operations', 'components', 'webhooks']);

/** The document's remainder: every top-level key the other diffs do not walk, without info.version. */
function residueOf(document: unknown): Schema {
  const residue: Schema = {};
  for (const [key, value] of Object.entries(isSchema(document) ? document : {})) {
    if (WALKED.has(key)) continue;
    if (key === 'info' && isSchema(value)) {
      residue.info = Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'version'));
    } else residue[key] = value;
  }
  return residue;
}

interface Difference {
  path: string;
  before: unknown;
  after: unknown;
}

/** Leaf paths where two plain JSON values differ. */
function differences(before: unknown, after: unknown, path: string, found: Difference[]): void {
  if (same(before, after)) return;
  const bothObjects = (isSchema(before) && isSchema(after)) || (Array.isArray(before) && Array.isArray(after));
  if (!bothObjects) {
    found.push({ path, before, after });
    return;
  }
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(was), ...Object.keys(now)])])
    differences(was[key], now[key], Array.isArray(before) ? `${path}[${key}]` : `${path}.${key}`, found);
}

const shown = (value: unknown) => (value === undefined ? 'absent' : JSON.stringify(value));

/** Each non-documentation leaf that differs, as an additive change at `location`. */
export function leafChanges(before: unknown, after: unknown, location: string): Change[] {
  const found: Difference[] = [];
  differences(withoutDocs(before), withoutDocs(after), '', found);
  return found.map(({ path, before: old, after: value }) => ({
    kind: 'additive' as const,
    location,
    message: `${path.slice(1)} changed from ${shown(old)} to ${shown(value)}`,
  }));
}

export function classifyDocument(before: unknown, after: unknown, name: string): Change[] {
  const subject = `${name} document`;
  const [was, now] = [residueOf(before), residueOf(after)];
  return [...leafChanges(was, now, subject), ...docChanges(was, now, subject)].map((change) => ({
    ...change,
    subject,
  }));
}
