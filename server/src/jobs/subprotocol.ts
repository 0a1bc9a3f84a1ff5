// WebSocket subprotocol auth: read the offered protocols, pick the token, and choose the one protocol
// the 101 must echo (browsers abort a handshake that offers protocols and gets none back).
import { SUBPROTOCOL } from '@bookstrack/generated/constants';

export function parseOfferedProtocols(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The token from `bookstrack-auth.<token>`, else from `?token=` when the deprecated form is allowed. */
export function selectToken(offered: readonly string[], url: URL, allowQueryToken: boolean): string | undefined {
  const entry = offered.find((p) => p.startsWith(SUBPROTOCOL.AUTH_PREFIX));
  if (entry !== undefined) {
    const token = entry.slice(SUBPROTOCOL.AUTH_PREFIX.length);
    return token.length > 0 ? token : undefined;
  }
  if (!allowQueryToken) return undefined;
  const fromQuery = url.searchParams.get(SUBPROTOCOL.QUERY_PARAM);
  return fromQuery ? fromQuery : undefined;
}

/** Exactly one offered protocol: the version protocol when offered, else the auth entry, else none. */
export function chooseEchoProtocol(offered: readonly string[]): string | undefined {
  if (offered.includes(SUBPROTOCOL.VERSION)) return SUBPROTOCOL.VERSION;
  return offered.find((p) => p.startsWith(SUBPROTOCOL.AUTH_PREFIX));
}
