// The opening-handshake checks of GET /ws/progress (RFC 6455 §4.2.1), as pure functions of the
// request's method, headers and HTTP version: each returns the contract error the Worker answers
// instead of handing the upgrade to the job, or undefined when that check passes.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import type { ValidationIssue } from '@bookstrack/generated/schemas';
import { HttpError } from './http-error';

const WEBSOCKET = 'websocket';
/** The one protocol version RFC 6455 defines; a server names it in Sec-WebSocket-Version when refusing another. */
export const WEBSOCKET_VERSION = '13';
/** A Sec-WebSocket-Key is the base64 of 16 bytes: 22 characters, then `==`. */
const KEY_PATTERN = /^[A-Za-z0-9+/]{22}==$/;
/** HTTP versions without the Upgrade mechanism a WebSocket needs (request.cf.httpProtocol). */
const PRE_UPGRADE_VERSIONS = new Set(['HTTP/1.0', 'HTTP/0.9']);

/** The runtime switches protocols only for `Upgrade: websocket` (one token, any case). */
export function isWebSocketUpgrade(headers: Headers): boolean {
  return headers.get('Upgrade')?.trim().toLowerCase() === WEBSOCKET;
}

/** A CORS preflight: OPTIONS naming the method it asks about (Fetch standard). */
function isPreflight(method: string, headers: Headers): boolean {
  return method === 'OPTIONS' && headers.has('Access-Control-Request-Method');
}

/** Only GET opens a WebSocket (RFC 6455 §4.1): any other method asking to upgrade is 405, Allow: GET. */
export function methodError(method: string, headers: Headers): HttpError | undefined {
  if (method === 'GET' || !isWebSocketUpgrade(headers) || isPreflight(method, headers)) return undefined;
  return new HttpError(ERROR_CODE.METHOD_NOT_ALLOWED, `A WebSocket upgrade must use GET, not ${method}`, undefined, {
    Allow: 'GET',
  });
}

/**
 * No upgrade to websocket, or one over an HTTP version that cannot carry it: 426 with Upgrade: websocket.
 * The version is `request.cf.httpProtocol`, set by Cloudflare's edge; `wrangler dev` always says HTTP/1.1.
 */
export function upgradeRequiredError(headers: Headers, httpProtocol: unknown): HttpError | undefined {
  const hint = { Upgrade: WEBSOCKET };
  if (!isWebSocketUpgrade(headers)) {
    return new HttpError(
      ERROR_CODE.UPGRADE_REQUIRED,
      'This endpoint only accepts a WebSocket upgrade (HTTP/1.1)',
      undefined,
      hint,
    );
  }
  if (typeof httpProtocol === 'string' && PRE_UPGRADE_VERSIONS.has(httpProtocol)) {
    return new HttpError(
      ERROR_CODE.UPGRADE_REQUIRED,
      `A WebSocket upgrade needs HTTP/1.1, not ${httpProtocol}`,
      undefined,
      hint,
    );
  }
  return undefined;
}

function listsToken(value: string, token: string): boolean {
  return value.split(',').some((part) => part.trim().toLowerCase() === token);
}

/**
 * Every problem of an upgrade's handshake fields at once: 400 INVALID_REQUEST, with
 * Sec-WebSocket-Version: 13 when the version is the problem (RFC 6455 §4.4). A missing Connection is
 * let through: it is hop-by-hop, and a proxy in front of the Worker may drop it.
 */
export function handshakeError(headers: Headers): HttpError | undefined {
  const issues: ValidationIssue[] = [];
  const connection = headers.get('Connection');
  if (connection !== null && !listsToken(connection, 'upgrade')) {
    issues.push({ path: 'headers.Connection', message: 'Connection must list "upgrade"' });
  }
  const version = headers.get('Sec-WebSocket-Version')?.trim();
  if (version !== WEBSOCKET_VERSION) {
    const message = version ? `Unsupported WebSocket version ${version}` : 'Sec-WebSocket-Version is required';
    issues.push({ path: 'headers.Sec-WebSocket-Version', message: `${message}; this server speaks 13` });
  }
  const key = headers.get('Sec-WebSocket-Key')?.trim() ?? '';
  if (!KEY_PATTERN.test(key)) {
    const message = key ? 'Sec-WebSocket-Key must be the base64 of 16 bytes' : 'Sec-WebSocket-Key is required';
    issues.push({ path: 'headers.Sec-WebSocket-Key', message });
  }
  if (issues.length === 0) return undefined;
  const hint: Record<string, string> =
    version === WEBSOCKET_VERSION ? {} : { 'Sec-WebSocket-Version': WEBSOCKET_VERSION };
  return new HttpError(ERROR_CODE.INVALID_REQUEST, 'Malformed WebSocket handshake', { issues }, hint);
}
