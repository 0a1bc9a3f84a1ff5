// What the docs pages must show that the renderers would not: the x- extension tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExtensions } from './contract-extensions';
import { asyncApiDocsView } from './docs-view-asyncapi';
import { DOC_LINKS, emitDocsIndex, humanDuration } from './emit-docs-index';
import type { JsonSchema } from './json-schema';
import { REPO_ROOT, specPaths } from '../core/paths';
import { loadSchemas } from './schema-files';

const load = (file: string): JsonSchema =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'generated', file), 'utf8')) as JsonSchema;
const openapi = load('openapi.json');
const asyncapi = load('asyncapi.json');
const ext = readExtensions(openapi, asyncapi, loadSchemas(specPaths().schemas));

describe('asyncApiDocsView', () => {
  const view = asyncApiDocsView(asyncapi) as any;
  const channel = Object.values(view.channels as Record<string, any>).find((c) => c['x-close-codes']);
  const scheme = Object.values(view.components.securitySchemes as Record<string, any>).find((s) => s['x-subprotocol']);

  it('appends every close code, its sender and exact reasons to the channel description', () => {
    for (const entry of ext.closeCodes) {
      expect(channel.description).toContain(`| ${entry.code} | ${entry.name} | ${entry.sentBy} |`);
      for (const reason of entry.reasons) expect(channel.description).toContain(`\`${reason}\``);
    }
  });

  it('appends the x-subprotocol values to the security scheme description', () => {
    for (const value of Object.values(ext.subprotocol))
      expect(scheme.description).toContain(value.replace(/\s*\n\s*/g, ' '));
  });

  it('leaves the served document untouched', () => {
    expect(JSON.stringify(asyncapi)).not.toContain('#### Close codes');
    expect(asyncapi.operations).toHaveProperty('receiveReady.summary', expect.stringContaining('`ready_ack`'));
  });

  it('moves summaries with inline code into the Markdown description and keeps plain ones', () => {
    const operations = view.operations as Record<string, any>;
    expect(operations.receiveReady.summary).toBeUndefined();
    expect(operations.receiveReady.description).toMatch(
      /^Client says it is listening; the server answers `ready_ack` .*\n\nExpected once per socket/,
    );
    expect(operations.sendReadyAck.summary).toBe('Server confirms the socket is registered.');
    const summaries = JSON.stringify(Object.values(operations).map((operation) => operation.summary));
    expect(summaries).not.toContain('`');
  });
});

describe('generated docs/ws.html', () => {
  const html = readFileSync(join(REPO_ROOT, 'generated', 'docs', 'ws.html'), 'utf8');
  /** What the server-side render shows a reader: markup without the embedded spec and scripts. */
  const rendered = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '');

  // Matched as booleans: a 2.8 MB page in a toContain diff buries the failure.
  it('renders inline code as code, leaving no literal backticks', () => {
    expect(rendered.includes('the server answers <code>ready_ack</code>')).toBe(true);
    expect(rendered.includes('<code>bookstrack-auth.&lt;token&gt;</code>')).toBe(true);
    const backtick = rendered.indexOf('`');
    expect(backtick === -1 ? '' : rendered.slice(backtick - 80, backtick + 40)).toBe('');
  });
});

describe('emitDocsIndex', () => {
  const html = emitDocsIndex(ext, 'BooksTrack API', { emitter: 'lib/emit-docs-index.ts', inputsHash: 'h' });

  it('links both rendered references, the Swift guide and both bundled documents', () => {
    for (const link of DOC_LINKS) expect(html).toContain(`<a href="${link.href}">`);
    expect(DOC_LINKS.map((link) => link.href)).toEqual([
      '/docs/http',
      '/docs/ws',
      '/docs/swift',
      '/openapi.json',
      '/asyncapi.json',
    ]);
  });

  it('lists every close code with its sender, and the token policy with durations and override vars', () => {
    for (const entry of ext.closeCodes)
      expect(html).toContain(`<tr><td>${entry.code}</td><td>${entry.name}</td><td>${entry.sentBy}</td>`);
    expect(html).toContain('after_delay (30000 ms + up to 10000 ms jitter)');
    expect(html).toContain('new_token; Too many connections: none');
    expect(html).toContain(
      `<tr><td><code>lifetimeSeconds</code></td><td>${ext.tokenPolicy.lifetimeSeconds}</td><td>${humanDuration(
        ext.tokenPolicy.lifetimeSeconds!,
      )}</td><td><code>${ext.tokenPolicyVars.lifetimeSeconds}</code></td></tr>`,
    );
  });

  it('formats durations the way the spec prose states them', () => {
    expect([7200, 9000, 300, 86400, 45].map(humanDuration)).toEqual(['2 h', '2 h 30 min', '5 min', '24 h', '45 s']);
  });
});
