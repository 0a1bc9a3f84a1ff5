// Handshake cases for /ws/progress: every method × upgrade-header variant × HTTP version × with or
// without jobId, each with the answer the contract gives (AsyncAPI "Handshake errors", the
// connectProgressSocket responses) and, where `wrangler dev` answers in its place, the platform
// answer that section documents. The rules below restate the spec; they do not call the server's code.
import { ERROR_CODE, ERROR_STATUS } from '@bookstrack/generated/constants';
import { ErrorEnvelopeSchema, type ErrorCode } from '@bookstrack/generated/schemas';

export const HANDSHAKE_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;
export const HTTP_VERSIONS = ['1.1', '1.0'] as const;

const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const HANDSHAKE: Record<string, string> = {
  Upgrade: 'websocket',
  Connection: 'Upgrade',
  'Sec-WebSocket-Key': KEY,
  'Sec-WebSocket-Version': '13',
};

/** Changes to a well-formed handshake (undefined removes the field). */
export const HEADER_VARIANTS: Record<string, Record<string, string | undefined>> = {
  valid: {},
  'upgrade-mixed-case': { Upgrade: 'WebSocket' },
  'no-key': { 'Sec-WebSocket-Key': undefined },
  'blank-key': { 'Sec-WebSocket-Key': ' ' },
  'short-key': { 'Sec-WebSocket-Key': 'short' },
  'no-version': { 'Sec-WebSocket-Version': undefined },
  'version-8': { 'Sec-WebSocket-Version': '8' },
  'no-key-version-8': { 'Sec-WebSocket-Key': undefined, 'Sec-WebSocket-Version': '8' },
  'connection-keep-alive': { Connection: 'keep-alive' },
  'no-connection': { Connection: undefined },
  'upgrade-h2c': { Upgrade: 'h2c' },
  'upgrade-list': { Upgrade: 'websocket, h2c' },
  plain: {
    Upgrade: undefined,
    Connection: undefined,
    'Sec-WebSocket-Key': undefined,
    'Sec-WebSocket-Version': undefined,
  },
  preflight: {
    Upgrade: undefined,
    Connection: undefined,
    'Sec-WebSocket-Key': undefined,
    'Sec-WebSocket-Version': undefined,
    Origin: 'https://app.example',
    'Access-Control-Request-Method': 'GET',
  },
};

/** What `wrangler dev`'s HTTP server answers in the Worker's place (plain text, `Connection: close`). */
export const PLATFORM_BODIES = {
  notGet: 'ERROR: WebSocket must be initiated with a GET request.',
  version: 'ERROR: The requested WebSocket version is not supported.',
  key: 'ERROR: Missing Sec-WebSocket-Key',
} as const;

export type Answer =
  | { kind: 'switch' }
  /** The contract's error envelope with this code (and its status), and these headers. */
  | { kind: 'envelope'; code: ErrorCode; headers: Record<string, string> }
  /** A CORS preflight answer. */
  | { kind: 'preflight' }
  /** The platform's plain-text answer (`wrangler dev`), as the AsyncAPI section documents it. */
  | { kind: 'platform'; status: number; body: string; headers: Record<string, string> };

export interface HandshakeCase {
  name: string;
  method: (typeof HANDSHAKE_METHODS)[number];
  version: (typeof HTTP_VERSIONS)[number];
  hasJobId: boolean;
  headers: Record<string, string>;
  /** What the Worker answers when it receives this request as sent (production, or the Workers pool). */
  worker: Answer;
  /** What a client of `wrangler dev` gets: the Worker's answer, or the platform's in its place. */
  devServer: Answer;
}

export function statusOf(answer: Answer): number {
  if (answer.kind === 'switch') return 101;
  if (answer.kind === 'preflight') return 204;
  if (answer.kind === 'platform') return answer.status;
  return ERROR_STATUS[answer.code];
}

const envelope = (code: ErrorCode, headers: Record<string, string> = {}): Answer => ({
  kind: 'envelope',
  code,
  headers,
});

function isWebSocket(headers: Record<string, string>): boolean {
  return headers.Upgrade?.trim().toLowerCase() === 'websocket';
}

function hasToken(value: string | undefined, token: string): boolean {
  return value?.split(',').some((part) => part.trim().toLowerCase() === token) ?? false;
}

/** The contract's answer to a request the Worker sees exactly as sent. */
function contractAnswer(method: string, version: string, hasJobId: boolean, headers: Record<string, string>): Answer {
  const isUpgrade = isWebSocket(headers);
  const isPreflight = method === 'OPTIONS' && 'Access-Control-Request-Method' in headers;
  if (method !== 'GET' && isUpgrade && !isPreflight) return envelope(ERROR_CODE.METHOD_NOT_ALLOWED, { Allow: 'GET' });
  // "Preflight is answered for every path" (openapi.yaml, CORS); other methods: known path, wrong method.
  if (method === 'OPTIONS') return { kind: 'preflight' };
  if (method !== 'GET' && method !== 'HEAD') return envelope(ERROR_CODE.METHOD_NOT_ALLOWED);
  if (!hasJobId) return envelope(ERROR_CODE.MISSING_PARAMETER);
  if (!isUpgrade || version === '1.0') return envelope(ERROR_CODE.UPGRADE_REQUIRED, { Upgrade: 'websocket' });
  const hasBadConnection = 'Connection' in headers && !hasToken(headers.Connection, 'upgrade');
  const hasBadVersion = headers['Sec-WebSocket-Version']?.trim() !== '13';
  const hasBadKey = !/^[A-Za-z0-9+/]{22}==$/.test(headers['Sec-WebSocket-Key']?.trim() ?? '');
  if (hasBadVersion) return envelope(ERROR_CODE.INVALID_REQUEST, { 'Sec-WebSocket-Version': '13' });
  if (hasBadConnection || hasBadKey) return envelope(ERROR_CODE.INVALID_REQUEST);
  return { kind: 'switch' };
}

/** `wrangler dev` drops the hop-by-hop `Upgrade` header from a response that is not a 101. */
function withoutUpgradeHeader(answer: Answer): Answer {
  if (answer.kind !== 'envelope' || !('Upgrade' in answer.headers)) return answer;
  const { Upgrade: _dropped, ...headers } = answer.headers;
  return { ...answer, headers };
}

/**
 * `wrangler dev` rebuilds every `Upgrade: websocket` request before the Worker sees it (GET, its own key,
 * version 13, HTTP/1.1): the Worker answers that; a 101 is then checked against what the client sent.
 */
function devServerAnswer(method: string, hasJobId: boolean, headers: Record<string, string>): Answer {
  if (!isWebSocket(headers)) return withoutUpgradeHeader(contractAnswer(method, '1.1', hasJobId, headers));
  const rebuilt = contractAnswer('GET', '1.1', hasJobId, { ...HANDSHAKE });
  if (rebuilt.kind !== 'switch') return withoutUpgradeHeader(rebuilt);
  const plain = (status: number, body: string, extra: Record<string, string> = {}): Answer => ({
    kind: 'platform',
    status,
    body: method === 'HEAD' ? '' : body,
    headers: extra,
  });
  if (method !== 'GET') return plain(400, PLATFORM_BODIES.notGet);
  if (headers['Sec-WebSocket-Version']?.trim() !== '13')
    return plain(426, PLATFORM_BODIES.version, { 'Sec-WebSocket-Version': '13' });
  if (!headers['Sec-WebSocket-Key']?.trim()) return plain(400, PLATFORM_BODIES.key);
  return { kind: 'switch' };
}

/** The whole matrix: 7 methods × 14 header variants × 2 HTTP versions × with/without jobId. */
export function handshakeCases(): HandshakeCase[] {
  const cases: HandshakeCase[] = [];
  for (const method of HANDSHAKE_METHODS) {
    for (const [variant, changes] of Object.entries(HEADER_VARIANTS)) {
      const headers = Object.fromEntries(
        Object.entries({ ...HANDSHAKE, ...changes }).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      );
      for (const version of HTTP_VERSIONS) {
        for (const hasJobId of [true, false]) {
          cases.push({
            name: `${method} ${variant} HTTP/${version}${hasJobId ? '' : ' no-jobId'}`,
            method,
            version,
            hasJobId,
            headers,
            worker: contractAnswer(method, version, hasJobId, headers),
            devServer: devServerAnswer(method, hasJobId, headers),
          });
        }
      }
    }
  }
  return cases;
}

export interface ReceivedAnswer {
  status: number;
  headers: Headers;
  /** Empty for HEAD (a HEAD response has no body). */
  text: string;
}

/** How `received` differs from `expected`; empty when it is that answer. */
export function answerProblems(testCase: HandshakeCase, expected: Answer, received: ReceivedAnswer): string[] {
  const status = statusOf(expected);
  if (received.status !== status) return [`status ${received.status}, expected ${status} (${expected.kind})`];
  const problems: string[] = [];
  const wantedHeaders = expected.kind === 'envelope' || expected.kind === 'platform' ? expected.headers : {};
  for (const [name, value] of Object.entries(wantedHeaders)) {
    if (received.headers.get(name) !== value)
      problems.push(`${name}: ${received.headers.get(name)}, expected ${value}`);
  }
  if (expected.kind === 'preflight' && received.headers.get('Access-Control-Allow-Origin') !== '*')
    problems.push('preflight without Access-Control-Allow-Origin');
  if (expected.kind === 'platform' && received.text !== expected.body)
    problems.push(`platform body ${JSON.stringify(received.text.slice(0, 80))}`);
  if (expected.kind === 'envelope') problems.push(...envelopeProblems(testCase, expected.code, received));
  return problems;
}

function envelopeProblems(testCase: HandshakeCase, code: ErrorCode, received: ReceivedAnswer): string[] {
  if (ERROR_STATUS[code] === 405 && received.headers.get('Allow') === null) return ['405 without Allow'];
  if (testCase.method === 'HEAD') return [];
  if (!received.headers.get('Content-Type')?.includes('application/json'))
    return [`not the JSON envelope: ${received.headers.get('Content-Type')} ${received.text.slice(0, 80)}`];
  const parsed = ErrorEnvelopeSchema.safeParse(safeJson(received.text));
  if (!parsed.success) return [`not an ErrorEnvelope: ${received.text.slice(0, 120)}`];
  const problems: string[] = [];
  if (parsed.data.error.code !== code) problems.push(`error.code ${parsed.data.error.code}, expected ${code}`);
  if (parsed.data.metadata.requestId !== received.headers.get('X-Request-Id'))
    problems.push('metadata.requestId is not X-Request-Id');
  return problems;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
