// What the generated docs pages must show: x- extension tables, code as code, diagrams as SVG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExtensions } from './contract-extensions';
import { DOC_LINKS, emitDocsIndex, humanDuration } from './emit-docs-index';
import { emitWalkthroughDocs } from './emit-docs-walkthrough';
import { emitWsDocs } from './emit-docs-ws';
import { assertNoRemoteAsset } from './docs-site-layout';
import type { JsonSchema } from './json-schema';
import { REPO_ROOT, specPaths } from '../core/paths';
import { loadSchemas } from './schema-files';

const load = (file: string): JsonSchema =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'generated', file), 'utf8')) as JsonSchema;
const openapi = load('openapi.json');
const asyncapi = load('asyncapi.json');
const ext = readExtensions(openapi, asyncapi, loadSchemas(specPaths().schemas));

const header = { emitter: 'lib/emit-docs.ts', inputsHash: 'h' };

/** What a reader sees of a page: markup without scripts, styles, code blocks and inline SVG. */
const prose = (html: string): string =>
  html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/<pre\b[\s\S]*?<\/pre>/gi, '')
    .replace(/<code>[\s\S]*?<\/code>/gi, '')
    .replace(/<svg\b[\s\S]*?<\/svg>/gi, '');

describe('emitWsDocs', () => {
  const html = emitWsDocs(asyncapi, ext, header);

  it('renders inline code as code, leaving no literal backticks in prose', () => {
    expect(html.includes('server answers <code>ready_ack</code>')).toBe(true);
    expect(html.includes('<code>bookstrack-auth.&lt;token&gt;</code>')).toBe(true);
    const text = prose(html);
    const backtick = text.indexOf('`');
    expect(backtick === -1 ? '' : text.slice(backtick - 80, backtick + 40)).toBe('');
  });

  it('draws the connection-flow mermaid block as SVG and shows no mermaid source', () => {
    expect(html).toMatch(/<figure class="diagram" data-mermaid><svg /);
    expect(prose(html)).not.toContain('sequenceDiagram');
    expect(html).not.toMatch(/@import|fonts\.googleapis/);
  });

  it('lists every close code in a table row with its name, sender and exact reasons', () => {
    for (const entry of ext.closeCodes) {
      expect(html).toContain(
        `<tr id="close-${entry.code}"><td>${entry.code}</td><td><code>${entry.name}</code></td><td>${entry.sentBy}</td>`,
      );
      for (const reason of entry.reasons) expect(html).toContain(`<code>${reason}</code>`);
    }
  });

  it('shows the ws binding with the jobId pattern and the Sec-WebSocket-Protocol header', () => {
    const binding = /<section data-ws-binding>[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(binding).toContain('<code>jobId</code>');
    expect(binding).toContain('pattern <code>^[A-Za-z0-9_-]{8,64}$</code>');
    expect(binding).toContain('<code>Sec-WebSocket-Protocol</code>');
  });

  it('pretty-prints every message example', () => {
    expect(html).toContain('{\n  &quot;type&quot;: &quot;job_progress&quot;,');
  });
});

describe('emitWalkthroughDocs', () => {
  const html = emitWalkthroughDocs(ext, header);

  it('gives each close code and reason its reaction from x-close-codes', () => {
    for (const entry of ext.closeCodes)
      for (const reason of entry.reasons) {
        const policy = entry.reasonReconnect?.[reason] ?? entry.reconnect;
        expect(html).toContain(
          `<tr><td>${entry.code}</td><td><code>${reason}</code></td><td>${entry.sentBy}</td><td><code>${policy}</code>`,
        );
      }
  });

  it('states the token policy and the subprotocol names from the spec', () => {
    expect(html).toContain(`<code>${ext.subprotocol.versionProtocol}</code>`);
    expect(html).toContain(`A token lives ${humanDuration(ext.tokenPolicy.lifetimeSeconds!)}.`);
    expect(html).toContain(`-s ${ext.subprotocol.versionProtocol} -s &quot;${ext.subprotocol.authPrefix}$TOKEN&quot;`);
  });
});

describe('emitDocsIndex', () => {
  const html = emitDocsIndex(ext, 'BooksTrack API', { emitter: 'lib/emit-docs-index.ts', inputsHash: 'h' });

  it('links both rendered references, the Swift guide and both bundled documents', () => {
    for (const link of DOC_LINKS) expect(html).toContain(`<a href="${link.href}">`);
    expect(DOC_LINKS.map((link) => link.href)).toEqual([
      '/docs/walkthrough',
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

describe('assertNoRemoteAsset', () => {
  it('rejects an image, a stylesheet or a CSS url() from another origin and allows plain links', () => {
    expect(() => assertNoRemoteAsset('<img src="https://cdn.example/logo.svg">', 'p')).toThrow('remote asset');
    expect(() => assertNoRemoteAsset('<div style="background:url(//cdn.example/x.png)">', 'p')).toThrow('remote asset');
    expect(() => assertNoRemoteAsset('<a href="https://example.com/">x</a><img src="/logo.svg">', 'p')).not.toThrow();
  });

  it('passes for every page the generator writes', () => {
    for (const page of ['index', 'http', 'ws', 'walkthrough', 'swift']) {
      const html = readFileSync(join(REPO_ROOT, 'generated', 'docs', `${page}.html`), 'utf8');
      expect(() => assertNoRemoteAsset(html, page)).not.toThrow();
    }
  });
});
