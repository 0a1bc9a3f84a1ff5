// The fast guard (generated/fast-validators.ts) of each generated zod validator an operation uses:
// hot paths ask the guard first, and zod only for the issues of a value the guard rejects, so the
// error envelopes keep zod's paths and messages while an accepted value costs plain checks.
import { FAST_OPERATIONS } from '@bookstrack/generated/fast-validators';
import { OPERATIONS } from '@bookstrack/generated/operations';
import type { z } from 'zod';

export type Guard = (value: unknown) => boolean;

type Table<T> = Record<
  string,
  { requestBody?: Record<string, T | undefined>; responses: Record<string, T | undefined> }
>;

function pairGuards(): Map<z.ZodType, Guard> {
  const guards = new Map<z.ZodType, Guard>();
  const fast = FAST_OPERATIONS as unknown as Table<Guard>;
  const pair = (schema: z.ZodType | undefined, guard: Guard | undefined): void => {
    if (schema !== undefined && guard !== undefined) guards.set(schema, guard);
  };
  for (const [operationId, operation] of Object.entries(OPERATIONS as unknown as Table<z.ZodType>)) {
    const guardsOf = fast[operationId];
    for (const [type, schema] of Object.entries(operation.requestBody ?? {}))
      pair(schema, guardsOf?.requestBody?.[type]);
    for (const [status, schema] of Object.entries(operation.responses)) pair(schema, guardsOf?.responses[status]);
  }
  return guards;
}

const GUARDS = pairGuards();

/** The fast guard with the verdict of `schema`, when the schema is one of an operation's. */
export function guardFor(schema: z.ZodType): Guard | undefined {
  return GUARDS.get(schema);
}
