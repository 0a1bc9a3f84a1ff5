// Compares two versions of a (dereferenced) JSON Schema in one direction and classifies each change.
// Breaking, request: the new schema must accept all the old one accepted (new required field, narrowed
// values, removed accepted field of a closed object); response: clients keep every field they were
// promised (removed field, field no longer required, changed types and values); both: a removed union
// member. Additive: new fields and members, new enum values, relaxed bounds (widening.ts).
import { breakingOnly, type BreakingChange, type Change, type ChangeKind, type Direction } from './change';
import { requestNarrowing } from './narrowing';
import { responseLoosening } from './loosening';
import { nodeAdditions } from './widening';
import { isSchema, memberKey, propertiesOf, requiredOf, type Schema } from './schema-keywords';

export type OriginOf = (node: object) => string | undefined;

interface Context {
  direction: Direction;
  originOf: OriginOf;
  changes: Change[];
  /** Pairs already compared at some location, so shared and recursive schemas are walked once. */
  seen: WeakMap<Schema, WeakSet<Schema>>;
}

function report(
  context: Context,
  location: string,
  node: Schema,
  message: string,
  kind: ChangeKind = 'breaking',
): void {
  context.changes.push({ kind, location, message, origin: context.originOf(node) });
}

function objectChanges(before: Schema, after: Schema, location: string, context: Context): void {
  const wasRequired = requiredOf(before);
  const isRequired = requiredOf(after);
  const wasProperties = propertiesOf(before);
  const nowProperties = propertiesOf(after);
  if (context.direction === 'request') {
    for (const name of isRequired)
      if (!wasRequired.has(name)) report(context, `${location}.${name}`, after, `new required field "${name}"`);
    const closed = after.additionalProperties === false || after.unevaluatedProperties === false;
    for (const name of Object.keys(wasProperties)) {
      if (closed && !(name in nowProperties))
        report(context, `${location}.${name}`, after, `field "${name}" is no longer accepted`);
    }
    for (const name of Object.keys(nowProperties)) {
      if (!(name in wasProperties) && !isRequired.has(name))
        report(context, `${location}.${name}`, after, `optional field "${name}" now accepted`, 'additive');
    }
    for (const name of wasRequired)
      if (!isRequired.has(name) && name in nowProperties)
        report(context, `${location}.${name}`, after, `field "${name}" is now optional`, 'additive');
  } else {
    for (const name of Object.keys(wasProperties)) {
      if (!(name in nowProperties)) report(context, `${location}.${name}`, after, `field "${name}" removed`);
      else if (wasRequired.has(name) && !isRequired.has(name))
        report(context, `${location}.${name}`, after, `field "${name}" is no longer required`);
      else if (!wasRequired.has(name) && isRequired.has(name))
        report(context, `${location}.${name}`, after, `field "${name}" is now always sent`, 'additive');
    }
    for (const name of Object.keys(nowProperties)) {
      if (!(name in wasProperties)) {
        const presence = isRequired.has(name) ? 'required' : 'optional';
        report(context, `${location}.${name}`, after, `${presence} field "${name}" added`, 'additive');
      }
    }
  }
  for (const [name, was] of Object.entries(wasProperties)) {
    const now = nowProperties[name];
    if (now) compare(was, now, `${location}.${name}`, context);
  }
}

function unionChanges(before: Schema, after: Schema, location: string, context: Context): void {
  for (const keyword of ['oneOf', 'anyOf']) {
    const was = Array.isArray(before[keyword]) ? (before[keyword] as unknown[]).filter(isSchema) : [];
    const now = Array.isArray(after[keyword]) ? (after[keyword] as unknown[]).filter(isSchema) : [];
    if (was.length === 0 || now.length === 0) continue;
    const nowByKey = new Map(now.map((member, index) => [memberKey(member, index), member]));
    was.forEach((member, index) => {
      const key = memberKey(member, index);
      const match = nowByKey.get(key);
      if (!match) report(context, `${location}<${key}>`, after, `${keyword} member ${key} removed`);
      else compare(member, match, `${location}<${key}>`, context);
    });
    const wasKeys = new Set(was.map((member, index) => memberKey(member, index)));
    now.forEach((member, index) => {
      const key = memberKey(member, index);
      if (!wasKeys.has(key))
        report(context, `${location}<${key}>`, after, `${keyword} member ${key} added`, 'additive');
    });
  }
}

function nestedChanges(before: Schema, after: Schema, location: string, context: Context): void {
  if (isSchema(before.items) && isSchema(after.items)) compare(before.items, after.items, `${location}[]`, context);
  if (isSchema(before.additionalProperties) && isSchema(after.additionalProperties)) {
    compare(before.additionalProperties, after.additionalProperties, `${location}{*}`, context);
  }
  const wasAll = Array.isArray(before.allOf) ? before.allOf : [];
  const nowAll = Array.isArray(after.allOf) ? after.allOf : [];
  wasAll.forEach((member, index) => {
    if (isSchema(member) && isSchema(nowAll[index]))
      compare(member, nowAll[index] as Schema, `${location}<allOf ${index}>`, context);
  });
}

function compare(before: Schema, after: Schema, location: string, context: Context): void {
  const pairs = context.seen.get(before) ?? new WeakSet<Schema>();
  if (pairs.has(after)) return;
  pairs.add(after);
  context.seen.set(before, pairs);
  const nodeChanges =
    context.direction === 'request' ? requestNarrowing(before, after) : responseLoosening(before, after);
  for (const message of nodeChanges) report(context, location, after, message);
  for (const message of nodeAdditions(before, after, context.direction, nodeChanges))
    report(context, location, after, message, 'additive');
  objectChanges(before, after, location, context);
  unionChanges(before, after, location, context);
  nestedChanges(before, after, location, context);
}

/** Every breaking and additive change of the schema (documentation is docs-diff.ts's). */
export function classifySchema(
  before: unknown,
  after: unknown,
  direction: Direction,
  location: string,
  originOf: OriginOf = () => undefined,
): Change[] {
  if (!isSchema(before) || !isSchema(after)) return [];
  const context: Context = { direction, originOf, changes: [], seen: new WeakMap() };
  compare(before, after, location, context);
  return context.changes;
}

export function diffSchema(
  before: unknown,
  after: unknown,
  direction: Direction,
  location: string,
  originOf: OriginOf = () => undefined,
): BreakingChange[] {
  return breakingOnly(classifySchema(before, after, direction, location, originOf));
}
