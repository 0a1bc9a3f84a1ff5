// How the docs spell one x-close-codes entry's reconnect policy: the policy, its delay and jitter,
// and the reasons whose reaction differs, so the HTML landing page and the AsyncAPI view agree.
import type { CloseCode } from './contract-extensions';

/** `after_delay (30000 ms + up to 10000 ms jitter)`; `new_token; Too many connections: none`. */
export function reconnectText(entry: CloseCode): string {
  const delay =
    entry.retryAfterMs === undefined
      ? ''
      : ` (${entry.retryAfterMs} ms${entry.retryJitterMs === undefined ? '' : ` + up to ${entry.retryJitterMs} ms jitter`})`;
  const overrides = Object.entries(entry.reasonReconnect ?? {}).map(
    ([reason, reconnect]) => `; ${reason}: ${reconnect}`,
  );
  return `${entry.reconnect}${delay}${overrides.join('')}`;
}
