// Decodes a client WebSocket frame into a ClientMessage, or says which close code and reason end
// the socket: oversize → 1009; binary, invalid JSON, unknown type or wrong fields → 1002.
import { CLOSE_CODES, CLOSE_REASONS, CLIENT_MESSAGE_TYPES, LIMITS } from '@bookstrack/generated/constants';
import { isClientMessage } from '@bookstrack/generated/fast-validators';
import type { ClientMessage } from '@bookstrack/generated/schemas';

export type DecodedFrame = { ok: true; message: ClientMessage } | { ok: false; code: number; reason: string };

const encoder = new TextEncoder();

export function decodeClientFrame(data: string | ArrayBuffer): DecodedFrame {
  const size = typeof data === 'string' ? encoder.encode(data).byteLength : data.byteLength;
  if (size > LIMITS.WS_MAX_FRAME_BYTES) {
    return { ok: false, code: CLOSE_CODES.MESSAGE_TOO_BIG, reason: CLOSE_REASONS.MESSAGE_TOO_BIG };
  }
  if (typeof data !== 'string') return protocolError(CLOSE_REASONS.BINARY_FRAMES_NOT_SUPPORTED);
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return protocolError(CLOSE_REASONS.MALFORMED_MESSAGE);
  }
  if (!isKnownType(parsed)) {
    const hasType = typeof parsed === 'object' && parsed !== null && 'type' in parsed;
    return protocolError(hasType ? CLOSE_REASONS.UNKNOWN_MESSAGE_TYPE : CLOSE_REASONS.MALFORMED_MESSAGE);
  }
  // The fast guard has ClientMessageSchema's verdict (scripts/fast-validators.test.ts); zod would
  // only add issues, which a 1002 close does not carry.
  if (!isClientMessage(parsed)) return protocolError(CLOSE_REASONS.MALFORMED_MESSAGE);
  return { ok: true, message: parsed };
}

function isKnownType(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && (CLIENT_MESSAGE_TYPES as readonly string[]).includes(type);
}

function protocolError(reason: string): DecodedFrame {
  return { ok: false, code: CLOSE_CODES.PROTOCOL_ERROR, reason };
}
