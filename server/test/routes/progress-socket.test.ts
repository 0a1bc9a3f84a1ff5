// connectProgressSocket: the Worker's handshake checks (400, 426) and the hand-off to the job's
// Durable Object (101 with the echoed subprotocol, then contract frames).
import { SUBPROTOCOL } from '@bookstrack/generated/constants';
import { ServerMessageSchema, type ServerMessage } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import { fireNextAlarm } from '../helpers/durable';
import { call, driveJobsByAlarms, expectResponse, generatedCsv, startCsvJob } from '../helpers/http';

driveJobsByAlarms();

/** A well-formed RFC 6455 handshake offering these subprotocols. */
function upgrade(path: string, protocols: string[]): Promise<Response> {
  return call(path, {
    headers: {
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Protocol': protocols.join(', '),
    },
  });
}

/** Collects parsed server frames until the socket closes. */
function collectFrames(socket: WebSocket): Promise<{ frames: ServerMessage[]; code: number; reason: string }> {
  const frames: ServerMessage[] = [];
  return new Promise((resolve, reject) => {
    socket.addEventListener('message', (event) => {
      try {
        frames.push(ServerMessageSchema.parse(JSON.parse(String(event.data))));
      } catch (error) {
        reject(error);
      }
    });
    socket.addEventListener('close', (event) => resolve({ frames, code: event.code, reason: event.reason }));
  });
}

describe('GET /ws/progress', () => {
  it('answers 400 MISSING_PARAMETER without jobId', async () => {
    const body = await expectResponse(
      await upgrade('/ws/progress', [SUBPROTOCOL.VERSION]),
      'connectProgressSocket',
      400,
    );
    expect(body.error).toEqual({ code: 'MISSING_PARAMETER', message: 'Query parameter jobId is required' });
  });

  it('answers 400 INVALID_REQUEST for a malformed jobId', async () => {
    const body = await expectResponse(
      await upgrade('/ws/progress?jobId=%3Cscript%3E', [SUBPROTOCOL.VERSION]),
      'connectProgressSocket',
      400,
    );
    expect(body.error.code).toBe('INVALID_REQUEST');
  });

  it('answers 426 UPGRADE_REQUIRED for a plain GET', async () => {
    const response = await call(`/ws/progress?jobId=${crypto.randomUUID()}`);
    expect(response.headers.get('Upgrade')).toBe('websocket');
    expect((await expectResponse(response, 'connectProgressSocket', 426)).error.code).toBe('UPGRADE_REQUIRED');
  });

  it('hands the upgrade to the job: 101, bookstrack.v1 echoed, then ready_ack … job_complete and close 1000', async () => {
    const job = await startCsvJob(generatedCsv(5_000));
    const response = await upgrade(`/ws/progress?jobId=${job.jobId}`, [
      SUBPROTOCOL.VERSION,
      `${SUBPROTOCOL.AUTH_PREFIX}${job.token}`,
    ]);
    expect(response.status).toBe(101);
    expect(response.headers.get('Sec-WebSocket-Protocol')).toBe(SUBPROTOCOL.VERSION);
    const socket = response.webSocket as WebSocket;
    socket.accept();
    const closed = collectFrames(socket);
    socket.send(JSON.stringify({ type: 'ready' }));
    // The job runs as its alarms are fired, one step per alarm, until it closes the socket.
    let isClosed = false;
    void closed.then(() => (isClosed = true));
    for (let alarms = 0; !isClosed && alarms < 100; alarms += 1) {
      if ((await fireNextAlarm(job.jobId)) === null) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const { frames, code } = await closed;
    expect(frames[0]?.type).toBe('ready_ack');
    expect(frames.at(-1)?.type).toBe('job_complete');
    expect(frames.every((frame) => frame.jobId === job.jobId)).toBe(true);
    expect(code).toBe(1000);
  });

  it('echoes the auth entry when bookstrack.v1 is not offered', async () => {
    const job = await startCsvJob('title\nDune\n');
    const auth = `${SUBPROTOCOL.AUTH_PREFIX}${job.token}`;
    const response = await upgrade(`/ws/progress?jobId=${job.jobId}`, [auth]);
    expect(response.status).toBe(101);
    expect(response.headers.get('Sec-WebSocket-Protocol')).toBe(auth);
    response.webSocket?.accept();
    response.webSocket?.close(1000, 'done');
  });
});
