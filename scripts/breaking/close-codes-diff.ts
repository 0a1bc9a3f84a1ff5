// Breaking changes of an `x-close-codes` list: clients switch on the code, its reconnect policy and the
// exact reason strings, so a removed code, a changed name, reconnect or retry delay, or a removed reason
// breaks them. New codes and reworded `when`/`clientAction` prose do not.
import type { BreakingChange } from './change';
import { isSchema, same, type Schema } from './schema-keywords';

const COMPARED_FIELDS = ['name', 'reconnect', 'retryAfterMs'];

function byCode(value: unknown): Map<number, Schema> {
  const entries = Array.isArray(value) ? value.filter(isSchema) : [];
  return new Map(
    entries.filter((entry) => typeof entry.code === 'number').map((entry) => [entry.code as number, entry]),
  );
}

export function diffCloseCodes(before: unknown, after: unknown, location: string): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const now = byCode(after);
  for (const [code, was] of byCode(before)) {
    const entry = now.get(code);
    const at = `${location} close code ${code}`;
    if (!entry) {
      changes.push({ location: at, message: `close code ${code} (${String(was.name)}) removed` });
      continue;
    }
    for (const field of COMPARED_FIELDS) {
      if (!same(was[field], entry[field]))
        changes.push({
          location: at,
          message: `${field} changed from ${JSON.stringify(was[field])} to ${JSON.stringify(entry[field])}`,
        });
    }
    const reasons = Array.isArray(entry.reasons) ? entry.reasons : [];
    for (const reason of Array.isArray(was.reasons) ? was.reasons : []) {
      if (!reasons.includes(reason))
        changes.push({ location: at, message: `reason ${JSON.stringify(reason)} removed` });
    }
  }
  return changes;
}
