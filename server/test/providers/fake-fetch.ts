// A fake of the outside HTTP boundary only: answers requests by URL from a list of routes and
// records every request, so provider code runs unchanged against documented response shapes.
import type { FetchLike } from '../../src/providers/http-client';

export type Responder = (url: URL, init?: RequestInit) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: FetchLike;
  calls: URL[];
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Routes are tried in order; a route given several responders uses them in turn, then repeats the last. */
export function fakeFetch(routes: Array<[match: string | RegExp, ...responders: Responder[]]>): FakeFetch {
  const calls: URL[] = [];
  const used = new Map<number, number>();
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    calls.push(url);
    const index = routes.findIndex(([match]) =>
      typeof match === 'string' ? url.href.startsWith(match) : match.test(url.href),
    );
    const route = routes[index];
    if (!route) return new Response(`no route for ${url.href}`, { status: 599 });
    const [, ...responders] = route;
    const turn = used.get(index) ?? 0;
    used.set(index, turn + 1);
    const responder = responders[Math.min(turn, responders.length - 1)] as Responder;
    return responder(url, init);
  };
  return { fetch, calls };
}

/** A fetch that never answers until its request is aborted, like a hung upstream. */
export const hangingResponder: Responder = (_url, init) =>
  new Promise((_resolve, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'));
    // Like real fetch: an already-aborted signal rejects at once.
    if (init?.signal?.aborted) return abort();
    init?.signal?.addEventListener('abort', abort);
  });

/** Records requested delays instead of waiting, so retry tests are instant and assert exact values. */
export function recordingSleep(): { sleep: (ms: number, signal: AbortSignal) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}
