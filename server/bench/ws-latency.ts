// WebSocket delivery latency, Durable Object send → client receipt, for job_progress frames of real
// CSV jobs and for the EchoSocket baseline, measured against the same wrangler dev.
import WebSocket from 'ws';
import { goodreadsCsv } from './goodreads-file';

export interface LatencySamples {
  samples: number[];
  frames: number;
}

function openSocket(url: string, protocols: string[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Echo baseline: `count` sequential probes; latency = receipt − the DO's send timestamp. */
export async function echoLatency(wsOrigin: string, count: number): Promise<LatencySamples> {
  const socket = await openSocket(`${wsOrigin}/bench/echo`, []);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await new Promise<{ timestamp: number }>((resolve) => {
      socket.once('message', (data) => resolve(JSON.parse(data.toString()) as { timestamp: number }));
      socket.send(`probe ${i}`);
    });
    samples.push(Date.now() - reply.timestamp);
  }
  socket.close(1000);
  return { samples, frames: count };
}

async function followJob(origin: string, wsOrigin: string, csv: string): Promise<number[]> {
  const start = await fetch(`${origin}/api/csv/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: csv,
  });
  const { data } = (await start.json()) as { data: { jobId: string; token: string } };
  const socket = await openSocket(`${wsOrigin}/ws/progress?jobId=${data.jobId}`, [
    `bookstrack-auth.${data.token}`,
    'bookstrack.v1',
  ]);
  const samples: number[] = [];
  return new Promise((resolve) => {
    socket.on('message', (raw) => {
      const receivedAt = Date.now();
      const frame = JSON.parse(raw.toString()) as { type: string; timestamp: number };
      if (frame.type === 'job_progress') samples.push(receivedAt - frame.timestamp);
    });
    socket.on('close', () => resolve(samples));
    socket.send(JSON.stringify({ type: 'ready' }));
  });
}

/** job_progress latency over `jobs` CSV imports run one after another (no CPU contention between them). */
export async function progressLatency(
  origin: string,
  wsOrigin: string,
  jobs: number,
  csvBytes: number,
): Promise<LatencySamples> {
  const { csv } = goodreadsCsv(csvBytes);
  const samples: number[] = [];
  for (let i = 0; i < jobs; i++) samples.push(...(await followJob(origin, wsOrigin, csv)));
  return { samples, frames: samples.length };
}
