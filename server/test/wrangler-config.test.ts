// The shipped configuration: wrangler.jsonc `vars` is production; .dev.vars (wrangler dev, `npm
// start`) and the test pool's bindings keep the bundled catalogue by saying so explicitly.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import devVarsText from '../.dev.vars?raw';
import wranglerText from '../wrangler.jsonc?raw';
import type { WorkerVars } from '../src/vars';
import { parseJsonc } from './helpers/jsonc';

interface WranglerConfig {
  name: string;
  vars: Record<string, string>;
  env?: Record<string, { vars?: Record<string, string> }>;
}

const config = parseJsonc(wranglerText) as WranglerConfig;

function dotenv(text: string): Record<string, string> {
  const lines = text.split('\n').filter((line) => /^[A-Z_]+=/.test(line));
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('wrangler.jsonc', () => {
  it('is the production configuration of the bookstrack-api Worker', () => {
    expect(config.name).toBe('bookstrack-api');
    expect(config.vars['ENVIRONMENT']).toBe('production');
  });

  it('runs production on the live providers', () => {
    expect(config.vars['PROVIDER_MODE']).toBe('live');
    expect(config.env).toBeUndefined();
  });
});

describe('local configuration', () => {
  it('keeps wrangler dev (npm start) on the bundled catalogue through .dev.vars', () => {
    expect(dotenv(devVarsText)).toMatchObject({ ENVIRONMENT: 'development', PROVIDER_MODE: 'offline' });
  });

  it('keeps this test pool on the bundled catalogue through its own binding', () => {
    expect((env as unknown as WorkerVars).PROVIDER_MODE).toBe('offline');
  });
});
