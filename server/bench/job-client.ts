// The bench's client side of a job: start it over HTTP, watch it over its WebSocket like an app does
// (offer the protocols, send `ready`), and know when it is done.
import { MESSAGE_TYPE, SUBPROTOCOL } from '@bookstrack/generated/constants';
import WebSocket from 'ws';

export interface StartedJob {
  jobId: string;
  token: string;
}

export interface Frame {
  type: string;
  seq: number;
  timestamp: number;
}

/** POSTs a body; one retry covers a pooled keep-alive connection the server already closed (EPIPE). */
export async function post(url: string, body: string, contentType: string): Promise<Response> {
  const init = { method: 'POST', headers: { 'Content-Type': contentType }, body };
  return fetch(url, init).catch(() => fetch(url, init));
}

export async function startJob(url: string, body: string, contentType: string): Promise<StartedJob> {
  const response = await post(url, body, contentType);
  const text = await response.text();
  if (response.status !== 202) throw new Error(`job start answered ${response.status}: ${text.slice(0, 200)}`);
  return (JSON.parse(text) as { data: StartedJob }).data;
}

export function openSocket(url: string, protocols: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, { perMessageDeflate: false });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

export function openJobSocket(wsOrigin: string, job: StartedJob): Promise<WebSocket> {
  return openSocket(`${wsOrigin}/ws/progress?jobId=${job.jobId}`, [
    SUBPROTOCOL.VERSION,
    `${SUBPROTOCOL.AUTH_PREFIX}${job.token}`,
  ]);
}

/** Watches a job to its end: sends `ready`, resolves with every frame once the server closes. */
export async function followJob(wsOrigin: string, job: StartedJob): Promise<Frame[]> {
  const socket = await openJobSocket(wsOrigin, job);
  const frames: Frame[] = [];
  return new Promise((resolve) => {
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as Frame;
      frames.push(frame);
      if (frame.type === MESSAGE_TYPE.JOB_COMPLETE) socket.close(1000);
    });
    socket.on('close', () => resolve(frames));
    socket.send(JSON.stringify({ type: MESSAGE_TYPE.READY }));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
