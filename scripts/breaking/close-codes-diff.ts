// Changes of an `x-close-codes` list: clients switch on the code, its reconnect policy and the exact
// reason strings, so a removed code, a changed name, reconnect or retry delay, or a removed reason
// breaks them. New codes and reasons are additive; reworded `when`/`clientAction` prose is docs (the
// channel's docs diff reports it).
import { breakingOnly, type BreakingChange, type Change } from './change';
import { isSchema, same, type Schema } from './schema-keywords';

const COMPARED_FIELDS = ['name', 'reconnect', 'retryAfterMs'];

function byCode(value: unknown): Map<number, Schema> {
  const entries = Array.isArray(value) ? value.filter(isSchema) : [];
  return new Map(
    entries.filter((entry) => typeof entry.code === 'number').map((entry) => [entry.code as number, entry]),
  );
}

const reasonsOf = (entry: Schema): unknown[] => (Array.isArray(entry.reasons) ? entry.reasons : []);

/** Changed fields other than the compared ones and the prose: additive (e.g. a new `sentBy`). */
function otherFields(was: Schema, entry: Schema, at: string): Change[] {
  const skipped = new Set([...COMPARED_FIELDS, 'code', 'reasons', 'when', 'clientAction']);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(entry)])].filter((field) => !skipped.has(field));
  return fields
    .filter((field) => !same(was[field], entry[field]))
    .map((field) => ({
      kind: 'additive' as const,
      location: at,
      message: `${field} changed from ${JSON.stringify(was[field]) ?? 'absent'} to ${JSON.stringify(entry[field]) ?? 'absent'}`,
    }));
}

function entryChanges(was: Schema, entry: Schema, at: string): Change[] {
  const changes: Change[] = [];
  for (const field of COMPARED_FIELDS) {
    if (!same(was[field], entry[field]))
      changes.push({
        kind: 'breaking',
        location: at,
        message: `${field} changed from ${JSON.stringify(was[field])} to ${JSON.stringify(entry[field])}`,
      });
  }
  const [wasReasons, reasons] = [reasonsOf(was), reasonsOf(entry)];
  for (const reason of wasReasons)
    if (!reasons.includes(reason))
      changes.push({ kind: 'breaking', location: at, message: `reason ${JSON.stringify(reason)} removed` });
  for (const reason of reasons)
    if (!wasReasons.includes(reason))
      changes.push({ kind: 'additive', location: at, message: `reason ${JSON.stringify(reason)} added` });
  return [...changes, ...otherFields(was, entry, at)];
}

export function classifyCloseCodes(before: unknown, after: unknown, location: string): Change[] {
  const changes: Change[] = [];
  const [then, now] = [byCode(before), byCode(after)];
  for (const [code, was] of then) {
    const entry = now.get(code);
    const at = `${location} close code ${code}`;
    if (!entry)
      changes.push({ kind: 'breaking', location: at, message: `close code ${code} (${String(was.name)}) removed` });
    else changes.push(...entryChanges(was, entry, at));
  }
  for (const [code, entry] of now) {
    if (!then.has(code))
      changes.push({
        kind: 'additive',
        location: `${location} close code ${code}`,
        message: `close code ${code} (${String(entry.name)}) added`,
      });
  }
  return changes;
}

export function diffCloseCodes(before: unknown, after: unknown, location: string): BreakingChange[] {
  return breakingOnly(classifyCloseCodes(before, after, location));
}
