// The fixed-window counting rule behind the job-start rate limit, pure so it is tested without a
// runtime: the first hit opens a window; hits inside it count up to the limit; later ones are refused.

export interface WindowState {
  /** Epoch ms at which the current window opened. */
  startedAt: number;
  count: number;
}

export interface RateDecision {
  isAllowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends (X-RateLimit-Reset, Retry-After). */
  resetSeconds: number;
  state: WindowState;
}

export function decideHit(
  previous: WindowState | undefined,
  now: number,
  limit: number,
  windowMs: number,
): RateDecision {
  const isExpired = previous === undefined || now >= previous.startedAt + windowMs;
  const current: WindowState = isExpired ? { startedAt: now, count: 0 } : previous;
  const isAllowed = current.count < limit;
  const state = isAllowed ? { startedAt: current.startedAt, count: current.count + 1 } : current;
  const resetSeconds = Math.max(0, Math.ceil((state.startedAt + windowMs - now) / 1000));
  return { isAllowed, limit, remaining: Math.max(0, limit - state.count), resetSeconds, state };
}

/**
 * Whether the limiter stores a hit's window (it counts in memory otherwise): when the window opens,
 * so a restarted limiter still knows when it ends, and when the count reaches the limit, so a
 * restarted limiter still refuses. A restart in between forgets at most the hits since the opening.
 */
export function isCheckpoint(previous: WindowState | undefined, decision: RateDecision): boolean {
  if (!decision.isAllowed) return false;
  const isOpened = previous === undefined || decision.state.startedAt !== previous.startedAt;
  return isOpened || decision.state.count >= decision.limit;
}
