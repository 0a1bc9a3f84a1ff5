// Applies a transition of the pure rules: the job row and every storage effect in one transaction,
// then frames, closes and aborts (a Durable Object's output waits for its writes anyway).
import type { JobEffect, LifecycleEvent, LogDetail, Transition } from '../jobs/job-effects';
import type { JobStore } from './job-store';
import type { TokenStore } from './token-store';
import type { SocketHub } from './socket-hub';
import type { TimerStore } from './timer-store';

export interface EffectTargets {
  storage: DurableObjectStorage;
  jobs: JobStore;
  tokens: TokenStore;
  timers: TimerStore;
  hub: SocketHub;
  /** Aborts the pipeline step in flight, if any. */
  abortStep: () => void;
  log: (event: LifecycleEvent, detail: LogDetail, isFailure: boolean) => void;
}

/** The storage part of a transition; call inside transactionSync when more writes must join it. */
export function storeTransition(targets: EffectTargets, transition: Transition): void {
  if (transition.job) targets.jobs.save(transition.job);
  for (const effect of transition.effects) storeEffect(targets, effect);
}

function storeEffect({ jobs, tokens, timers }: EffectTargets, effect: JobEffect): void {
  switch (effect.kind) {
    case 'arm':
      if (effect.isEarliest) timers.scheduleEarliest(effect.timer, effect.at, effect.key);
      else timers.schedule(effect.timer, effect.at, effect.key);
      return;
    case 'disarm':
      return timers.cancelKind(effect.timer);
    case 'write_outcomes':
      return jobs.writeOutcomes(effect.outcomes);
    case 'extend_token':
      return tokens.extendCurrent(effect.until);
    case 'delete_results':
      return jobs.deleteResults();
    case 'wipe':
      return jobs.wipe();
    default:
      return;
  }
}

/** The outward part of a transition, in order: frames, closes, aborts and log lines. */
export function deliverTransition({ hub, abortStep, log }: EffectTargets, transition: Transition): void {
  for (const effect of transition.effects) {
    if (effect.kind === 'broadcast') hub.broadcast(effect.message, effect.isReadyOnly);
    else if (effect.kind === 'close_all') {
      const sockets = hub.open().length;
      hub.closeAll(effect.code, effect.reason);
      if (sockets > 0) log('socket.closed', { code: effect.code, reason: effect.reason, sockets, by: 'server' }, false);
    } else if (effect.kind === 'abort_step') abortStep();
    else if (effect.kind === 'log') log(effect.event, effect.detail ?? {}, effect.isFailure ?? false);
  }
}

/** Stores a transition atomically, then delivers it. */
export function applyTransition(targets: EffectTargets, transition: Transition): void {
  if (transition.job === undefined && transition.effects.length === 0) return;
  targets.storage.transactionSync(() => storeTransition(targets, transition));
  deliverTransition(targets, transition);
}
