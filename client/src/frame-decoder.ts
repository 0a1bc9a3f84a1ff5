// Turns one raw WebSocket frame into a ServerMessage read with the tolerant reader (unknown fields
// kept, unknown enum values as `{ unknown }`), an unknown message type (surfaced, never thrown: the
// spec lets a minor version add types) or an invalid frame with its issues.
import { SERVER_MESSAGE_TYPES } from '@bookstrack/generated/constants';
import * as readers from '@bookstrack/generated/readers';

export interface FrameIssue {
  path: string;
  message: string;
}

export type DecodedFrame =
  | { kind: 'message'; message: readers.ServerMessage }
  | { kind: 'unknown'; type: string; data: Record<string, unknown> }
  | { kind: 'invalid'; data: unknown; issues: FrameIssue[] };

const KNOWN_TYPES: ReadonlySet<string> = new Set(SERVER_MESSAGE_TYPES);

export function decodeServerFrame(raw: unknown): DecodedFrame {
  if (typeof raw !== 'string') return invalid(raw, 'binary frames are not part of the contract');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return invalid(raw, 'frame is not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return invalid(data, 'frame is not a JSON object');
  const type = (data as { type?: unknown }).type;
  if (typeof type !== 'string') return invalid(data, '`type` is missing or not a string');
  if (!KNOWN_TYPES.has(type)) return { kind: 'unknown', type, data: data as Record<string, unknown> };
  const parsed = readers.ServerMessage.safeParse(data);
  if (parsed.success) return { kind: 'message', message: parsed.data };
  return {
    kind: 'invalid',
    data,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
}

function invalid(data: unknown, message: string): DecodedFrame {
  return { kind: 'invalid', data, issues: [{ path: '', message }] };
}
