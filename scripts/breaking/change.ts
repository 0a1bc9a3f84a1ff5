// One change found by the diff: its kind for a client (breaking / additive / docs), where a client sees
// it, what changed, the operation or message it belongs to, and the spec file and JSON pointer it comes
// from (so one schema change met through many operations is reported once).
export type Direction = 'request' | 'response';

/** breaking: an existing client may fail; additive: new things a tolerant client may ignore; docs: prose and examples only. */
export type ChangeKind = 'breaking' | 'additive' | 'docs';

export interface BreakingChange {
  /** Where a client meets it: `POST /api/csv/import 202 application/json .data.jobId`. */
  location: string;
  message: string;
  /** `spec/schemas/X.yaml#/properties/y` of the changed node, when known. */
  origin?: string;
}

export interface Change extends BreakingChange {
  kind: ChangeKind;
  /** What the changelog groups by: `operation importCsv`, `message job_progress`, `channel progress`, `AsyncAPI document`. */
  subject?: string;
}

/** Only the breaking changes, in the shape the gate has always printed. */
export function breakingOnly(changes: readonly Change[]): BreakingChange[] {
  return changes
    .filter((change) => change.kind === 'breaking')
    .map(({ location, message, origin }) =>
      origin === undefined ? { location, message } : { location, message, origin },
    );
}

export function withSubject(subject: string, changes: readonly Change[]): Change[] {
  return changes.map((change) => ({ ...change, subject: change.subject ?? subject }));
}
