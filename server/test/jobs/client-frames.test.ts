import { CLOSE_CODES, CLOSE_REASONS, LIMITS, MESSAGE_TYPE } from '@bookstrack/generated/constants';
import { describe, expect, it } from 'vitest';
import { decodeClientFrame } from '../../src/jobs/client-frames';

describe('decodeClientFrame', () => {
  it('decodes ready and cancel', () => {
    expect(decodeClientFrame(JSON.stringify({ type: MESSAGE_TYPE.READY }))).toEqual({
      ok: true,
      message: { type: 'ready' },
    });
    expect(decodeClientFrame(JSON.stringify({ type: MESSAGE_TYPE.CANCEL }))).toEqual({
      ok: true,
      message: { type: 'cancel' },
    });
  });

  it('closes 1009 for a frame over the size limit', () => {
    const big = JSON.stringify({ type: MESSAGE_TYPE.READY, pad: 'x'.repeat(LIMITS.WS_MAX_FRAME_BYTES) });
    expect(decodeClientFrame(big)).toEqual({
      ok: false,
      code: CLOSE_CODES.MESSAGE_TOO_BIG,
      reason: CLOSE_REASONS.MESSAGE_TOO_BIG,
    });
  });

  it('closes 1002 for a binary frame', () => {
    expect(decodeClientFrame(new ArrayBuffer(4))).toEqual({
      ok: false,
      code: CLOSE_CODES.PROTOCOL_ERROR,
      reason: CLOSE_REASONS.BINARY_FRAMES_NOT_SUPPORTED,
    });
  });

  it('closes 1002 for text that is not JSON or not an object', () => {
    const malformed = { ok: false, code: CLOSE_CODES.PROTOCOL_ERROR, reason: CLOSE_REASONS.MALFORMED_MESSAGE };
    expect(decodeClientFrame('{not json')).toEqual(malformed);
    expect(decodeClientFrame('[1,2]')).toEqual(malformed);
  });

  it('closes 1002 for an unknown type', () => {
    expect(decodeClientFrame(JSON.stringify({ type: 'subscribe' }))).toEqual({
      ok: false,
      code: CLOSE_CODES.PROTOCOL_ERROR,
      reason: CLOSE_REASONS.UNKNOWN_MESSAGE_TYPE,
    });
  });

  it('closes 1002 for a known type with extra fields', () => {
    expect(decodeClientFrame(JSON.stringify({ type: MESSAGE_TYPE.READY, extra: 1 }))).toEqual({
      ok: false,
      code: CLOSE_CODES.PROTOCOL_ERROR,
      reason: CLOSE_REASONS.MALFORMED_MESSAGE,
    });
  });
});
