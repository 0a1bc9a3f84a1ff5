// Request-side checks on one schema node: the new version must accept every value the old one did, so
// a removed type, a new or shrunk enum, a new or changed const/pattern/format, a lowered maximum or a
// raised minimum breaks clients that send the old values.
import { enumOf, same, type Schema, typeAccepted, typesOf } from './schema-keywords';

const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
const EXACT_KEYWORDS = ['pattern', 'format', 'multipleOf', 'const'];

function typeNarrowing(before: Schema, after: Schema): string[] {
  const was = typesOf(before);
  const now = typesOf(after);
  if (!now) return [];
  if (!was) return [`type restricted to ${[...now].join('|')}`];
  return [...was].filter((type) => !typeAccepted(type, now)).map((type) => `type ${type} no longer accepted`);
}

function enumNarrowing(before: Schema, after: Schema): string[] {
  const was = enumOf(before);
  const now = enumOf(after);
  if (!now) return [];
  if (!was) return [`enum restriction added (${now.map((value) => JSON.stringify(value)).join(', ')})`];
  return was
    .filter((value) => !now.some((kept) => same(kept, value)))
    .map((value) => `enum value ${JSON.stringify(value)} removed`);
}

function boundNarrowing(before: Schema, after: Schema): string[] {
  const changes: string[] = [];
  for (const keyword of UPPER_BOUNDS) {
    const was = before[keyword];
    const now = after[keyword];
    if (typeof now !== 'number') continue;
    if (typeof was !== 'number') changes.push(`${keyword} ${now} added`);
    else if (now < was) changes.push(`${keyword} lowered from ${was} to ${now}`);
  }
  for (const keyword of LOWER_BOUNDS) {
    const was = before[keyword];
    const now = after[keyword];
    if (typeof now !== 'number') continue;
    if (typeof was !== 'number') changes.push(`${keyword} ${now} added`);
    else if (now > was) changes.push(`${keyword} raised from ${was} to ${now}`);
  }
  return changes;
}

function exactNarrowing(before: Schema, after: Schema): string[] {
  return EXACT_KEYWORDS.filter((keyword) => after[keyword] !== undefined && !same(before[keyword], after[keyword])).map(
    (keyword) =>
      before[keyword] === undefined
        ? `${keyword} ${JSON.stringify(after[keyword])} added`
        : `${keyword} changed from ${JSON.stringify(before[keyword])} to ${JSON.stringify(after[keyword])}`,
  );
}

function closedObject(before: Schema, after: Schema): string[] {
  const wasOpen = before.additionalProperties !== false && before.unevaluatedProperties !== false;
  const isClosed = after.additionalProperties === false || after.unevaluatedProperties === false;
  return wasOpen && isClosed ? ['additional properties no longer accepted'] : [];
}

export function requestNarrowing(before: Schema, after: Schema): string[] {
  return [
    ...typeNarrowing(before, after),
    ...enumNarrowing(before, after),
    ...boundNarrowing(before, after),
    ...exactNarrowing(before, after),
    ...closedObject(before, after),
  ];
}
