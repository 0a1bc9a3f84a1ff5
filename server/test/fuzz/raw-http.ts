// A raw HTTP/1.x client over TCP for requests no fetch() can send: any method with `Upgrade:
// websocket`, handshake fields of any shape, an HTTP/1.0 request line. Reads one response (head,
// then Content-Length or chunked body; none for HEAD, 101, 204, 304) and closes the connection.
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  version: '1.0' | '1.1';
  headers: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

function hasNoBody(method: string, status: number): boolean {
  return method === 'HEAD' || status === 101 || status === 204 || status === 304;
}

function decodeChunked(raw: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  for (let at = 0; ;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (size === 0) return Buffer.concat(parts);
    if (raw.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

function parseHead(head: string): { status: number; headers: Headers } {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return { status: Number(statusLine.split(' ')[1]), headers };
}

/** Whole response once it is complete, else undefined (more bytes needed). */
function completeResponse(method: string, data: Buffer, isClosed: boolean): RawResponse | undefined {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd === -1) return undefined;
  const { status, headers } = parseHead(data.subarray(0, headEnd).toString('latin1'));
  const body = data.subarray(headEnd + 4);
  if (hasNoBody(method, status)) return { status, headers, text: '' };
  const length = headers.get('Content-Length');
  if (length !== null) {
    return body.length >= Number(length)
      ? { status, headers, text: body.subarray(0, Number(length)).toString() }
      : undefined;
  }
  if (headers.get('Transfer-Encoding')?.includes('chunked')) {
    const decoded = decodeChunked(body);
    return decoded === undefined ? undefined : { status, headers, text: decoded.toString() };
  }
  return isClosed ? { status, headers, text: body.toString() } : undefined;
}

export function sendRaw(origin: string, request: RawRequest, timeoutMs = 5_000): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  const lines = [`${request.method} ${request.path} HTTP/${request.version}`, `Host: ${hostname}:${port}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  if (['POST', 'PUT', 'PATCH'].includes(request.method)) lines.push('Content-Length: 0');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error(`no complete response within ${timeoutMs} ms`)), timeoutMs);
    const finish = (outcome: RawResponse | Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const response = completeResponse(request.method, data, false);
      if (response) finish(response);
    });
    socket.on('end', () =>
      finish(completeResponse(request.method, data, true) ?? new Error('connection closed early')),
    );
    socket.on('error', (error) => finish(error));
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}
