// generated/docs/index.html: the landing page served at GET /docs, in the docs site's layout; its
// tables are rendered from the same extensions as constants.ts.
import { reconnectText } from './close-code-text';
import type { ContractExtensions } from './contract-extensions';
import { escapeHtml, renderPage } from './docs-site-layout';
import type { HeaderInfo } from './header';

/** Routes the Worker serves the pages under (server/src/routes/meta.ts). */
export const DOC_LINKS = [
  {
    href: '/docs/walkthrough',
    label: 'Walkthrough',
    note: 'the whole client flow for web and iOS, with the reaction to each close code',
  },
  {
    href: '/docs/http',
    label: 'HTTP API reference',
    note: 'OpenAPI 3.1: every operation with examples and curl, TypeScript and Swift samples',
  },
  {
    href: '/docs/ws',
    label: 'WebSocket reference',
    note: 'AsyncAPI 3.0: connection flow, ws binding, close codes, every message with samples, and a live console',
  },
  {
    href: '/docs/swift',
    label: 'Swift guide',
    note: 'URLSessionWebSocketTask with the generated Swift models: subprotocol header, close codes, token_refreshed',
  },
  { href: '/openapi.json', label: 'openapi.json', note: 'the bundled OpenAPI document' },
  { href: '/asyncapi.json', label: 'asyncapi.json', note: 'the bundled AsyncAPI document' },
];

export { escapeHtml };

/** Markdown inline code (`x`) → <code>, after escaping. */
const inline = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

function closeCodeRows(ext: ContractExtensions): string {
  return ext.closeCodes
    .map((entry) => {
      const reasons = entry.reasons.map((reason) => `<code>${escapeHtml(reason)}</code>`).join(', ') || '—';
      return `      <tr><td>${entry.code}</td><td>${entry.name}</td><td>${entry.sentBy}</td><td>${reasons}</td><td>${inline(
        entry.when,
      )}</td><td>${inline(entry.clientAction)}</td><td>${escapeHtml(reconnectText(entry))}</td></tr>\n`;
    })
    .join('');
}

function tokenPolicyRows(ext: ContractExtensions): string {
  return Object.entries(ext.tokenPolicy)
    .map(([key, seconds]) => {
      const variable = ext.tokenPolicyVars[key];
      return `      <tr><td><code>${key}</code></td><td>${seconds}</td><td>${humanDuration(seconds)}</td><td>${
        variable ? `<code>${variable}</code>` : '—'
      }</td></tr>\n`;
    })
    .join('');
}

/** 7200 → "2 h", 9000 → "2 h 30 min", 300 → "5 min". */
export function humanDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return [hours && `${hours} h`, minutes && `${minutes} min`, rest && `${rest} s`].filter(Boolean).join(' ') || '0 s';
}

export function emitDocsIndex(ext: ContractExtensions, title: string, header: HeaderInfo): string {
  const links = DOC_LINKS.map((link) => `<li><a href="${link.href}">${link.label}</a>: ${link.note}</li>\n`).join('');
  const body =
    `<h1>${escapeHtml(title)}</h1>\n<p>Contract version <code>${ext.contractVersion}</code>.</p>\n<ul>\n${links}</ul>\n` +
    `<h2>WebSocket close codes</h2>\n<table data-close-codes>\n<thead><tr><th>code</th><th>name</th><th>sent by</th><th>reasons (exact)</th><th>sent when</th><th>client action</th><th>reconnect</th></tr></thead>\n<tbody>\n${closeCodeRows(
      ext,
    )}</tbody>\n</table>\n` +
    `<h2>Token policy</h2>\n<table>\n<thead><tr><th>policy key</th><th>seconds</th><th>duration</th><th>override var (local tests only)</th></tr></thead>\n<tbody>\n${tokenPolicyRows(
      ext,
    )}</tbody>\n</table>\n`;
  return renderPage({ path: '/docs', title: 'Overview', contractVersion: ext.contractVersion, body }, header);
}
