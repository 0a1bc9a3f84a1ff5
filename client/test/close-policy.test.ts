import { CLOSE_CODE_TABLE, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, closeEntryFor, decideClose, reconnectPolicyFor } from '../src/close-policy';

describe('decideClose', () => {
  it('stops after 1000 because the table says reconnect none', () => {
    expect(decideClose(1000, 0)).toEqual({ action: 'stop', entry: closeEntryFor(1000) });
  });

  it('stops after 1002 and 1009, which are client bugs', () => {
    expect(decideClose(1002, 0).action).toBe('stop');
    expect(decideClose(1009, 0).action).toBe('stop');
  });

  it('waits the table retryAfterMs of 1001 and checks the job state first', () => {
    const decision = decideClose(1001, 3);
    expect(decision).toMatchObject({
      action: 'reconnect',
      delayMs: 5000,
      isStateCheckNeeded: true,
      isNewTokenNeeded: false,
    });
  });

  it('waits the 30 s retry hint of 1013 plus a random share of its 10 s jitter', () => {
    expect(decideClose(1013, 0, { random: () => 0 })).toMatchObject({ action: 'reconnect', delayMs: 30_000 });
    expect(decideClose(1013, 0, { random: () => 0.25 })).toMatchObject({ delayMs: 32_500 });
    expect(decideClose(1013, 0, { random: () => 0.9999 })).toMatchObject({ delayMs: 39_999 });
  });

  it('stops after 1008 Too many connections: the table overrides the token policy for that reason', () => {
    expect(decideClose(1008, 0, { reason: CLOSE_REASONS.TOO_MANY_CONNECTIONS })).toEqual({
      action: 'stop',
      entry: closeEntryFor(1008),
    });
    expect(decideClose(1008, 0, { reason: CLOSE_REASONS.TOKEN_EXPIRED }).action).toBe('reconnect');
  });

  it('follows every reasonReconnect of the generated table', () => {
    for (const entry of CLOSE_CODE_TABLE) {
      const overrides: Record<string, string> = 'reasonReconnect' in entry ? entry.reasonReconnect : {};
      for (const [reason, reconnect] of Object.entries(overrides)) {
        expect(reconnectPolicyFor(entry, reason)).toBe(reconnect);
        expect(decideClose(entry.code, 0, { reason }).action).toBe(reconnect === 'none' ? 'stop' : 'reconnect');
      }
    }
  });

  it('backs off after 1006 (a deploy or a lost link, from the platform) and checks the job state first', () => {
    expect(decideClose(1006, 1)).toEqual({
      action: 'reconnect',
      entry: closeEntryFor(1006),
      delayMs: 2000,
      isNewTokenNeeded: false,
      isStateCheckNeeded: true,
    });
  });

  it('backs off exponentially after 1011 and checks the job state first', () => {
    expect(decideClose(1011, 0)).toMatchObject({ delayMs: 1000, isStateCheckNeeded: true });
    expect(decideClose(1011, 2)).toMatchObject({ delayMs: 4000, isStateCheckNeeded: true });
  });

  it('asks for a new token right away after 1008', () => {
    expect(decideClose(1008, 0)).toMatchObject({
      action: 'reconnect',
      delayMs: 0,
      isNewTokenNeeded: true,
      isStateCheckNeeded: false,
    });
  });

  it('treats a code outside the table (1005, no status) as transient and backs off without a state check', () => {
    expect(decideClose(1005, 1)).toEqual({
      action: 'reconnect',
      entry: undefined,
      delayMs: 2000,
      isNewTokenNeeded: false,
      isStateCheckNeeded: false,
    });
  });

  it('has a decision for every code in the generated table', () => {
    const actions = CLOSE_CODE_TABLE.map((entry) => [entry.code, decideClose(entry.code, 0).action]);
    expect(actions).toEqual(
      CLOSE_CODE_TABLE.map((entry) => [entry.code, entry.reconnect === 'none' ? 'stop' : 'reconnect']),
    );
  });
});

describe('backoffDelayMs', () => {
  it('doubles from 1 s and caps at 60 s', () => {
    expect([0, 1, 2, 5, 6, 12].map((attempt) => backoffDelayMs(attempt))).toEqual([
      1000, 2000, 4000, 32_000, 60_000, 60_000,
    ]);
  });
});
