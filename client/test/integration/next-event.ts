// The next event of one type from a ProgressSocketClient, or a rejection after `timeoutMs`.
import type { ProgressSocketClient, ProgressSocketEvents } from '../../src/index';

export function nextEvent<K extends keyof ProgressSocketEvents>(
  client: ProgressSocketClient,
  type: K,
  timeoutMs: number,
): Promise<ProgressSocketEvents[K]> {
  return new Promise<ProgressSocketEvents[K]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(type)} event within ${timeoutMs} ms`)), timeoutMs);
    const off = client.on(type, (event) => {
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}
