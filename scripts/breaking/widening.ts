// Additive checks on one schema node, the mirror of narrowing.ts and loosening.ts: what the new version
// accepts or promises beyond the old one without failing an existing client (a new enum value, a
// relaxed bound, a new accepted type), plus any other changed keyword the breaking rules do not judge.
import type { Direction } from './change';
import { DOC_KEYWORDS } from './docs-diff';
import { enumOf, isSchema, same, type Schema, typeAccepted, typesOf } from './schema-keywords';

/** Keywords walked structurally by schema-diff.ts or judged explicitly below. */
const STRUCTURAL = new Set([
  'properties',
  'required',
  'items',
  'oneOf',
  'anyOf',
  'allOf',
  'type',
  'enum',
  'const',
  '$ref',
]);

function addedEnumValues(before: Schema, after: Schema, direction: Direction): string[] {
  const was = enumOf(before);
  const now = enumOf(after);
  if (!was || !now) return was && !now && direction === 'request' ? ['enum restriction removed'] : [];
  const verb = direction === 'request' ? 'now accepted' : 'added';
  return now
    .filter((value) => !was.some((old) => same(old, value)))
    .map((value) => `enum value ${JSON.stringify(value)} ${verb}`);
}

function typeWidening(before: Schema, after: Schema, direction: Direction): string[] {
  const was = typesOf(before);
  const now = typesOf(after);
  if (direction === 'request') {
    if (was && !now) return ['type no longer restricted'];
    if (!was || !now) return [];
    return [...now].filter((type) => !typeAccepted(type, was)).map((type) => `type ${type} now accepted`);
  }
  if (!was && now) return [`type now always ${[...now].join('|')}`];
  if (!was || !now) return [];
  return [...was].filter((type) => !typeAccepted(type, now)).map((type) => `type ${type} no longer sent`);
}

function constChange(before: Schema, after: Schema, direction: Direction): string[] {
  if (direction === 'request' && before.const !== undefined && after.const === undefined) return ['const removed'];
  if (direction === 'response' && before.const === undefined && after.const !== undefined)
    return [`const ${JSON.stringify(after.const)} added`];
  return [];
}

/** Non-structural, non-doc keywords that differ and that no breaking message at this node names. */
function otherKeywords(before: Schema, after: Schema, judged: readonly string[]): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: string[] = [];
  for (const key of [...keys].sort()) {
    if (STRUCTURAL.has(key) || DOC_KEYWORDS.has(key)) continue;
    if (isSchema(before[key]) && isSchema(after[key])) continue;
    if (same(before[key], after[key]) || judged.some((message) => message.includes(key))) continue;
    if (key === 'additionalProperties' && judged.some((message) => message.includes('additional properties'))) continue;
    if (before[key] === undefined) changes.push(`${key} ${JSON.stringify(after[key])} added`);
    else if (after[key] === undefined) changes.push(`${key} ${JSON.stringify(before[key])} removed`);
    else changes.push(`${key} changed from ${JSON.stringify(before[key])} to ${JSON.stringify(after[key])}`);
  }
  return changes;
}

export function nodeAdditions(
  before: Schema,
  after: Schema,
  direction: Direction,
  judged: readonly string[],
): string[] {
  return [
    ...typeWidening(before, after, direction),
    ...addedEnumValues(before, after, direction),
    ...constChange(before, after, direction),
    ...otherKeywords(before, after, judged),
  ];
}
