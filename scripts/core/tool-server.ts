// Test support: an installed package's CLI that serves on a free 127.0.0.1 port (a mock server), started
// in its own process group and stopped by its id. Only tests import it (no generator input).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { packageBin } from './run-tool';
import { REPO_ROOT } from './paths';

export interface ToolServer {
  origin: string;
  stop(): Promise<void>;
}

/** A port the OS just handed out on 127.0.0.1 (free unless another process grabs it meanwhile). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  return exited;
}

/**
 * Runs `pkg`'s bin with `args(port)` and resolves once its output matches `ready`; rejects with the
 * output when it exits first. `args` gets the port so the tool listens where the caller will ask.
 */
export async function startToolServer(
  pkg: string,
  args: (port: number) => string[],
  ready: RegExp,
  bin?: string,
): Promise<ToolServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [packageBin(pkg, bin), ...args(port)], {
    cwd: REPO_ROOT,
    detached: true,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: string): void => {
      output += chunk;
      if (ready.test(output)) resolve();
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${pkg} exited (${code}) before it was ready:\n${output}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => stopGroup(child) };
}
