// Gap detection over the job's broadcast stream. Rule (spec: ServerMessage `seq`): a broadcast
// carries the previous broadcast's seq + 1; per-connection replies (`ready_ack`, `reconnected`: the
// spec's x-per-connection) carry the last broadcast seq without advancing it, so they set the baseline.
import { PER_CONNECTION_MESSAGE_TYPES } from '@bookstrack/generated/constants';
import type { ServerMessage } from '@bookstrack/generated/readers';

export type SeqCheck =
  | { kind: 'baseline'; seq: number }
  | { kind: 'in_order'; seq: number }
  | { kind: 'gap'; expected: number; received: number }
  | { kind: 'stale'; lastSeq: number; received: number };

const BASELINE_TYPES: ReadonlySet<string> = new Set(PER_CONNECTION_MESSAGE_TYPES);

export class SeqTracker {
  private last: number | undefined;

  /** Seq of the newest broadcast seen (or the baseline), undefined before the first message. */
  get lastSeq(): number | undefined {
    return this.last;
  }

  observe(message: Pick<ServerMessage, 'type' | 'seq'>): SeqCheck {
    const { seq } = message;
    if (BASELINE_TYPES.has(message.type)) {
      this.last = seq;
      return { kind: 'baseline', seq };
    }
    const previous = this.last;
    if (previous === undefined || seq === previous + 1) {
      this.last = seq;
      return previous === undefined ? { kind: 'baseline', seq } : { kind: 'in_order', seq };
    }
    if (seq <= previous) return { kind: 'stale', lastSeq: previous, received: seq };
    this.last = seq;
    return { kind: 'gap', expected: previous + 1, received: seq };
  }
}
