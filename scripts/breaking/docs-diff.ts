// Documentation-only differences between two versions of a spec node: prose and examples
// (description, summary, title, examples, externalDocs, x-close-codes' when/clientAction), found by
// walking both trees side by side. One change per node, naming the first few places.
import type { Change } from './change';
import { isSchema, same } from './schema-keywords';

export const DOC_KEYWORDS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
  'when',
  'clientAction',
]);

/** Keywords whose children are names (a property called `description`), not keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'schemas',
  'messages',
  'channels',
  'operations',
  'paths',
  'headers',
  'parameters',
  'responses',
  'securitySchemes',
  'variables',
  'servers',
  'content',
]);

const SHOWN_PLACES = 3;

function walk(
  before: unknown,
  after: unknown,
  path: string,
  places: string[],
  seen: WeakMap<object, WeakSet<object>>,
  isNameMap = false,
): void {
  if (!isSchema(before) && !Array.isArray(before)) return;
  if (!isSchema(after) && !Array.isArray(after)) return;
  const pairs = seen.get(before) ?? new WeakSet<object>();
  if (pairs.has(after)) return;
  pairs.add(after);
  seen.set(before, pairs);
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  for (const key of keys) {
    const at = Array.isArray(before) ? `${path}[${key}]` : `${path}.${key}`;
    if (DOC_KEYWORDS.has(key) && !isNameMap && !Array.isArray(before)) {
      if (!same(was[key], now[key])) places.push(at);
    } else walk(was[key], now[key], at, places, seen, !isNameMap && NAME_MAPS.has(key));
  }
}

/** Paths (`.responses.200.description`) where documentation keywords differ. */
export function docPlaces(before: unknown, after: unknown): string[] {
  const places: string[] = [];
  walk(before, after, '', places, new WeakMap());
  return places;
}

/** One docs change for `location` when any documentation under it differs, else none. */
export function docChanges(before: unknown, after: unknown, location: string): Change[] {
  const places = docPlaces(before, after);
  if (places.length === 0) return [];
  const shown = places.slice(0, SHOWN_PLACES).join(', ');
  const more = places.length > SHOWN_PLACES ? ` and ${places.length - SHOWN_PLACES} more` : '';
  return [{ kind: 'docs', location, message: `documentation changed at ${shown}${more}` }];
}

/** A copy without documentation keywords, so that two nodes differing only in prose compare equal. */
export function withoutDocs(value: unknown, isNameMap = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutDocs(item));
  if (!isSchema(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => isNameMap || !DOC_KEYWORDS.has(key))
      .map(([key, item]) => [key, withoutDocs(item, !isNameMap && NAME_MAPS.has(key))]),
  );
}
