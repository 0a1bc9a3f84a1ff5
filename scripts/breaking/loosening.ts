// Response-side checks on one schema node: clients rely on what they were promised, so a changed
// type or const, or a removed enum value, breaks them (a client may match on every old value).
import { enumOf, same, type Schema, typeAccepted, typesOf } from './schema-keywords';

export function responseLoosening(before: Schema, after: Schema): string[] {
  const changes: string[] = [];
  const was = typesOf(before);
  const now = typesOf(after);
  if (was && !now) changes.push(`type no longer restricted (was ${[...was].join('|')})`);
  if (was && now) {
    for (const type of now)
      if (!typeAccepted(type, was)) changes.push(`type ${type} may now be sent (was ${[...was].join('|')})`);
  }
  const wasEnum = enumOf(before);
  const nowEnum = enumOf(after);
  if (wasEnum && !nowEnum) changes.push('enum restriction removed: any value may now be sent');
  if (wasEnum && nowEnum) {
    for (const value of wasEnum)
      if (!nowEnum.some((kept) => same(kept, value))) changes.push(`enum value ${JSON.stringify(value)} removed`);
  }
  if (before.const !== undefined && !same(before.const, after.const)) {
    changes.push(`const changed from ${JSON.stringify(before.const)} to ${JSON.stringify(after.const)}`);
  }
  return changes;
}
