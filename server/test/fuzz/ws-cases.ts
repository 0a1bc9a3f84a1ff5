// WebSocket fuzz cases drawn from the AsyncAPI contract: what a client sends on /ws/progress and the
// close code and reason x-close-codes prescribes for it. Frames may be sent before or after `ready`.
import asyncApiDocument from '@bookstrack/generated/asyncapi.json';
import { CLIENT_MESSAGE_TYPES, CLOSE_CODES, CLOSE_REASONS, LIMITS, SUBPROTOCOL } from '@bookstrack/generated/constants';
import fc from 'fast-check';
import { invalidValue, wrongType, type JsonSchema } from './schema-arbitrary';

export interface ExpectedClose {
  code: number;
  reasons: string[];
}

/** The job's own token and another job's, for the auth cases. */
export interface SocketTokens {
  own: string;
  foreign: string;
}

export type WsAction =
  | { kind: 'text'; name: string; data: string; isBeforeReady: boolean; expect: ExpectedClose }
  | { kind: 'binary'; name: string; bytes: number; isBeforeReady: boolean; expect: ExpectedClose }
  /** Connect with these protocols (and query): the handshake completes, nothing is sent, close 1008. */
  | {
      kind: 'auth';
      name: string;
      protocols: (tokens: SocketTokens) => string[];
      query: (tokens: SocketTokens) => string;
      expect: ExpectedClose;
    }
  /** Many `ready` frames at once: each is answered with ready_ack, and the socket stays open. */
  | { kind: 'ready-flood'; name: string; count: number }
  /** Many bad frames at once: the first closes the socket, the rest are ignored. */
  | { kind: 'garbage-flood'; name: string; count: number; expect: ExpectedClose }
  /** The client vanishes without a close handshake. */
  | { kind: 'vanish'; name: string; isAfterReady: boolean };

const messages = (asyncApiDocument as unknown as { components: { schemas: Record<string, JsonSchema> } }).components
  .schemas;
const MALFORMED: ExpectedClose = { code: CLOSE_CODES.PROTOCOL_ERROR, reasons: [CLOSE_REASONS.MALFORMED_MESSAGE] };
const UNKNOWN: ExpectedClose = { code: CLOSE_CODES.PROTOCOL_ERROR, reasons: [CLOSE_REASONS.UNKNOWN_MESSAGE_TYPE] };
const TOO_BIG: ExpectedClose = { code: CLOSE_CODES.MESSAGE_TOO_BIG, reasons: [CLOSE_REASONS.MESSAGE_TOO_BIG] };
const BINARY: ExpectedClose = {
  code: CLOSE_CODES.PROTOCOL_ERROR,
  reasons: [CLOSE_REASONS.BINARY_FRAMES_NOT_SUPPORTED],
};
const INVALID_TOKEN: ExpectedClose = { code: CLOSE_CODES.POLICY_VIOLATION, reasons: [CLOSE_REASONS.INVALID_TOKEN] };
const encoder = new TextEncoder();

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const notJson = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !isJson(s));
const notAnObject = fc
  .jsonValue({ maxDepth: 2 })
  .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
  .map((v) => JSON.stringify(v));
const unknownType = fc
  .tuple(
    fc.string({ maxLength: 30 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
  )
  .filter(([type]) => !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type))
  .map(([type, rest]) => JSON.stringify({ ...rest, type }));
const nonStringType = wrongType('string').map((type) => JSON.stringify({ type }));
/** A known type with fields the AsyncAPI message schema refuses (extra properties, wrong types). */
const wrongFields = fc.constantFrom('ReadyMessage', 'CancelMessage').chain((name) =>
  invalidValue(asyncApiDocument, messages[name] as JsonSchema)
    .filter(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        (v as { type?: unknown }).type === (name === 'ReadyMessage' ? 'ready' : 'cancel'),
    )
    .map((v) => JSON.stringify(v)),
);
// Padded JSON: valid but over the frame limit, so only the size can be what is refused.
const oversize = fc
  .integer({ min: LIMITS.WS_MAX_FRAME_BYTES + 1, max: LIMITS.WS_MAX_FRAME_BYTES * 4 })
  .map((size) => `{"type":"ready","pad":"${'x'.repeat(size - 24)}"}`)
  .filter((s) => encoder.encode(s).byteLength > LIMITS.WS_MAX_FRAME_BYTES);

function textCase(name: string, data: fc.Arbitrary<string>, expect: ExpectedClose): fc.Arbitrary<WsAction> {
  return fc
    .tuple(data, fc.boolean())
    .map(([text, isBeforeReady]) => ({ kind: 'text', name, data: text, isBeforeReady, expect }));
}

const authCases: WsAction[] = [
  { kind: 'auth', name: 'auth:no-protocols', protocols: () => [], query: () => '', expect: INVALID_TOKEN },
  {
    kind: 'auth',
    name: 'auth:version-only',
    protocols: () => [SUBPROTOCOL.VERSION],
    query: () => '',
    expect: INVALID_TOKEN,
  },
  {
    kind: 'auth',
    name: 'auth:random-token',
    protocols: () => [SUBPROTOCOL.VERSION, `${SUBPROTOCOL.AUTH_PREFIX}${crypto.randomUUID()}`],
    query: () => '',
    expect: INVALID_TOKEN,
  },
  {
    kind: 'auth',
    name: 'auth:foreign-token',
    protocols: (t) => [`${SUBPROTOCOL.AUTH_PREFIX}${t.foreign}`],
    query: () => '',
    expect: INVALID_TOKEN,
  },
  {
    kind: 'auth',
    name: 'auth:empty-token',
    protocols: () => [SUBPROTOCOL.AUTH_PREFIX],
    query: () => '',
    expect: INVALID_TOKEN,
  },
  // The deprecated query form while ALLOW_QUERY_TOKEN is off: ignored even with the job's own token.
  {
    kind: 'auth',
    name: 'auth:query-token-off',
    protocols: () => [SUBPROTOCOL.VERSION],
    query: (t) => `&token=${t.own}`,
    expect: INVALID_TOKEN,
  },
];

export const wsActions: fc.Arbitrary<WsAction> = fc.oneof(
  { weight: 3, arbitrary: textCase('text:not-json', notJson, MALFORMED) },
  { weight: 2, arbitrary: textCase('text:not-an-object', notAnObject, MALFORMED) },
  { weight: 3, arbitrary: textCase('text:unknown-type', unknownType, UNKNOWN) },
  { weight: 1, arbitrary: textCase('text:type-not-a-string', nonStringType, UNKNOWN) },
  { weight: 3, arbitrary: textCase('text:wrong-fields', wrongFields, MALFORMED) },
  { weight: 2, arbitrary: textCase('text:oversize', oversize, TOO_BIG) },
  {
    weight: 1,
    arbitrary: textCase('text:at-limit-not-json', fc.constant('x'.repeat(LIMITS.WS_MAX_FRAME_BYTES)), MALFORMED),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: LIMITS.WS_MAX_FRAME_BYTES }), fc.boolean())
      .map(([bytes, isBeforeReady]): WsAction => ({
        kind: 'binary',
        name: 'binary:small',
        bytes,
        isBeforeReady,
        expect: BINARY,
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: LIMITS.WS_MAX_FRAME_BYTES + 1, max: LIMITS.WS_MAX_FRAME_BYTES * 4 }), fc.boolean())
      .map(([bytes, isBeforeReady]): WsAction => ({
        kind: 'binary',
        name: 'binary:oversize',
        bytes,
        isBeforeReady,
        expect: TOO_BIG,
      })),
  },
  { weight: 3, arbitrary: fc.constantFrom(...authCases) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 20, max: 200 })
      .map((count): WsAction => ({ kind: 'ready-flood', name: 'flood:ready', count })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 20, max: 200 })
      .map((count): WsAction => ({ kind: 'garbage-flood', name: 'flood:garbage', count, expect: MALFORMED })),
  },
  {
    weight: 1,
    arbitrary: fc.boolean().map((isAfterReady): WsAction => ({ kind: 'vanish', name: 'vanish', isAfterReady })),
  },
);
