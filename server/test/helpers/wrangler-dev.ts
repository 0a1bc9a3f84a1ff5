// Starts a real `wrangler dev` for end-to-end tests and benchmarks: free 127.0.0.1 ports, storage
// persisted to a fresh temp dir (or a given one, to restart on the same state), vars overridden per
// run, and a stop() (graceful) or kill() (SIGKILL, a crash) that ends only this process group.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DevServer {
  origin: string;
  wsOrigin: string;
  /** Everything wrangler printed, for failure messages. */
  output: () => string;
  /** Where Durable Object storage persists; pass it as `persistDir` to restart on the same state. */
  persistDir: string;
  /** Ends the process group gracefully (SIGTERM); removes the persist dir unless the caller gave it. */
  stop: () => Promise<void>;
  /** Crashes the process group (SIGKILL, no shutdown at all) and waits for it to exit; keeps the persist dir. */
  kill: () => Promise<void>;
}

export interface DevServerOptions {
  vars?: Record<string, string>;
  /** Wrangler config relative to server/ (the bench uses its own). */
  config?: string;
  startTimeoutMs?: number;
  /** Reuse this persist dir (the caller owns it and removes it) instead of a fresh temp dir. */
  persistDir?: string;
}

const SERVER_DIR = resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(
  origin: string,
  child: ChildProcess,
  deadline: number,
  output: () => string,
): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${origin}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`wrangler dev did not answer /health in time:\n${output()}`);
}

function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    process.kill(-(child.pid as number), 'SIGKILL');
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    // The negative pid signals the process group this helper created (wrangler and its workerd).
    process.kill(-(child.pid as number), 'SIGTERM');
  });
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const persistDir = options.persistDir ?? mkdtempSync(join(tmpdir(), 'bookstrack-e2e-'));
  const varArgs = Object.entries(options.vars ?? {}).flatMap(([key, value]) => ['--var', `${key}:${value}`]);
  const args = [
    'wrangler',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--persist-to',
    persistDir,
    '--show-interactive-dev-session=false',
    ...(options.config ? ['--config', options.config] : []),
    ...varArgs,
  ];
  const child = spawn('npx', args, {
    cwd: SERVER_DIR,
    detached: true,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      CI: 'true',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  // If the test process dies without stop(), its detached wrangler group must not outlive it.
  const killOnExit = () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopProcess(child);
    if (options.persistDir === undefined) rmSync(persistDir, { recursive: true, force: true });
  };
  const kill = async () => {
    process.off('exit', killOnExit);
    await killProcess(child);
  };
  try {
    await waitForHealth(origin, child, Date.now() + (options.startTimeoutMs ?? 45_000), () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, wsOrigin: `ws://127.0.0.1:${port}`, output: () => log, persistDir, stop, kill };
}
