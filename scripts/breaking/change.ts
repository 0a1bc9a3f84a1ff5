// One breaking change found by the diff: where a client sees it, what changed, and the spec file and
// JSON pointer it comes from (so one schema change met through many operations is reported once).
export type Direction = 'request' | 'response';

export interface BreakingChange {
  /** Where a client meets it: `POST /api/csv/import 202 application/json .data.jobId`. */
  location: string;
  message: string;
  /** `spec/schemas/X.yaml#/properties/y` of the changed node, when known. */
  origin?: string;
}
