// The published packages as a web team gets them: `npm run build:packages`, `npm pack` both, install
// the tarballs (and zod from the registry) into a throwaway project outside the workspace, type-check
// packages/test-consumer/consumer.ts with strict tsc and run it with node against a real wrangler dev.
import { CLOSE_CODES, CLOSE_REASONS, CONTRACT_VERSION, MESSAGE_TYPE } from '@bookstrack/generated/constants';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const PACKAGES_DIR = join(REPO_ROOT, 'packages');
const CONSUMER_DIR = join(PACKAGES_DIR, 'test-consumer');
const requireHere = createRequire(import.meta.url);

interface PackResult {
  name: string;
  version: string;
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; the workspace's npm_* variables stay out, so npm acts as in a fresh shell. */
function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  return new Promise((done) => {
    execFile(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

async function mustRun(command: string, args: readonly string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} (exit ${result.code}):\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(requireHere.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

let server: DevServer;
let project: string;
let packed: PackResult[];

beforeAll(async () => {
  // wrangler dev starts while the packages build, pack and install.
  const starting = startDevServer({ vars: { RATE_LIMIT_PER_MINUTE: '1000' } });
  try {
    project = mkdtempSync(join(tmpdir(), 'bookstrack-consumer-'));
    await mustRun('npm', ['run', 'build:packages'], REPO_ROOT);
    const packArgs = ['pack', join(PACKAGES_DIR, 'contract'), join(PACKAGES_DIR, 'client'), '--json'];
    packed = JSON.parse(await mustRun('npm', [...packArgs, '--pack-destination', project], project)) as PackResult[];
    for (const pack of packed) {
      console.log(
        `${pack.filename}: packed ${pack.size} B, unpacked ${pack.unpackedSize} B, ${pack.files.length} files`,
      );
    }
    writeFileSync(
      join(project, 'package.json'),
      '{ "name": "bookstrack-consumer", "private": true, "type": "module" }\n',
    );
    for (const file of ['consumer.ts', 'tsconfig.json']) copyFileSync(join(CONSUMER_DIR, file), join(project, file));
    const install = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'];
    const tarballs = packed.map((pack) => join(project, pack.filename));
    await mustRun('npm', [...install, ...tarballs, `zod@${installedVersion('zod')}`], project);
  } finally {
    server = await starting;
  }
  writeFileSync(join(project, 'server.json'), `${JSON.stringify({ origin: server.origin })}\n`);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('installable packages', () => {
  it('packs ESM JavaScript, declarations and the bundled specs, and nothing from the workspace', () => {
    const [contract, client] = packed;
    expect(contract?.name).toBe('@bookstrack/contract');
    expect(contract?.version).toBe(CONTRACT_VERSION);
    expect(client?.name).toBe('@bookstrack/client');
    const contractFiles = contract?.files.map((file) => file.path) ?? [];
    const clientFiles = client?.files.map((file) => file.path) ?? [];
    for (const file of ['index', 'schemas', 'operations', 'constants', 'openapi-types']) {
      expect(contractFiles).toEqual(expect.arrayContaining([`dist/${file}.js`, `dist/${file}.d.ts`]));
    }
    expect(contractFiles).toEqual(expect.arrayContaining(['dist/openapi.json', 'dist/asyncapi.json']));
    expect(clientFiles).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/api-client.js']));
    for (const file of [...contractFiles, ...clientFiles])
      expect(file).toMatch(/^(dist\/.+\.(js|d\.ts|json)|package\.json|README\.md)$/);
    const installedClient = JSON.parse(
      readFileSync(join(project, 'node_modules/@bookstrack/client/package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(Object.keys(installedClient.dependencies)).toContain('@bookstrack/contract');
    expect(existsSync(join(project, 'node_modules/@bookstrack/generated'))).toBe(false);
  });

  it('type-checks the consumer with strict tsc against the installed declarations', async () => {
    const tsc = join(requireHere.resolve('typescript/package.json'), '..', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  // provokes: 1000 Job complete
  it('starts a CSV import, sees job_complete on the socket, closes 1000 and fetches the results', async () => {
    const result = await run(process.execPath, ['--experimental-strip-types', 'consumer.ts'], project);
    expect(result.code, result.stderr).toBe(0);
    const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
    console.log(`consumer output: ${lastLine}`);
    const output = JSON.parse(lastLine);
    expect(output).toMatchObject({
      contractVersion: CONTRACT_VERSION,
      healthVersion: CONTRACT_VERSION,
      bundles: { openapi: CONTRACT_VERSION, asyncapi: CONTRACT_VERSION },
      pipeline: 'csv_import',
      summary: { totalProcessed: 3, successCount: 3, failureCount: 0 },
      close: { code: CLOSE_CODES.NORMAL_CLOSURE, reason: CLOSE_REASONS.JOB_COMPLETE, isNormal: true },
      results: { books: ['Dune', 'Emma', 'Ulysses'], errors: 0 },
      strictRejectsExtra: true,
      startParses: true,
    });
    expect(output.frames.at(-1)).toBe(MESSAGE_TYPE.JOB_COMPLETE);
  });
});
