// Bench-only Durable Object: the smallest WebSocket server on the Hibernation API. Each client frame
// is answered with the DO's send time, giving the baseline for "DO send → client receipt" latency.
import { DurableObject } from 'cloudflare:workers';

export class EchoSocket extends DurableObject {
  override async fetch(request: Request): Promise<Response> {
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    void request;
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    ws.send(JSON.stringify({ echo: typeof message === 'string' ? message : '', timestamp: Date.now() }));
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    ws.close(code === 1005 ? 1000 : code, 'bye');
  }
}
