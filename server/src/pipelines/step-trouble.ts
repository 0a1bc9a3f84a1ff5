// One step's provider trouble: the transient provider failures (timeouts, 5xx, 429, network) that
// outlasted the HTTP client's retries, coalesced into one summary per step. The job machine sends it
// as one retryable `error` frame; the items themselves fell back to the next provider or failed.
import type { ErrorCode } from '@bookstrack/generated/schemas';
import { ProviderError } from '../providers/provider-error';

export interface StepTrouble {
  code: ErrorCode;
  message: string;
  /** Items of the step (books, photos) that met provider trouble. */
  count: number;
  /** The lowest of their indexes: EnrichedBook.index, or the photo's index. */
  firstIndex: number;
  /** The facts of that item's first failure (provider, upstreamStatus, retryAfterSeconds...). */
  details?: Record<string, unknown>;
}

export interface TroubleLog {
  /** A provider call for item `index` failed; only transient ProviderErrors count, the rest is ignored. */
  note(error: unknown, index: number): void;
  /** The step's trouble so far, or undefined when it had none. */
  summary(): StepTrouble | undefined;
}

export function createTroubleLog(): TroubleLog {
  const items = new Set<number>();
  let first: { error: ProviderError; index: number } | undefined;
  return {
    note(error, index) {
      if (!(error instanceof ProviderError) || !error.isTransient) return;
      items.add(index);
      if (!first || index < first.index) first = { error, index };
    },
    summary() {
      if (!first) return undefined;
      const { error, index } = first;
      const count = items.size;
      return {
        code: error.code,
        message: count > 1 ? `${error.message} (${count} items of this step affected)` : error.message,
        count,
        firstIndex: index,
        details: { ...error.details },
      };
    },
  };
}
