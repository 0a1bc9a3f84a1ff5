// generated/docs/index.html: the offline landing page served at GET /docs. Hand-templated so
// it stays tiny; its tables are rendered from the same extensions as constants.ts.
import { reconnectText } from './close-code-text';
import type { ContractExtensions } from './contract-extensions';
import { htmlHeader, type HeaderInfo } from './header';

/** Routes the Worker serves the pages under (server/src/routes/meta.ts). */
export const DOC_LINKS = [
  { href: '/docs/http', label: 'HTTP API reference', note: 'OpenAPI 3.1, rendered by Redocly' },
  { href: '/docs/ws', label: 'WebSocket reference', note: 'AsyncAPI 3.0, rendered by the AsyncAPI HTML template' },
  {
    href: '/docs/swift',
    label: 'Swift guide',
    note: 'URLSessionWebSocketTask with the generated Swift models: subprotocol header, close codes, token_refreshed',
  },
  { href: '/openapi.json', label: 'openapi.json', note: 'the bundled OpenAPI document' },
  { href: '/asyncapi.json', label: 'asyncapi.json', note: 'the bundled AsyncAPI document' },
];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

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

/** Shared with the Swift guide page (emit-docs-swift.ts) so the docs look like one set. */
export const DOCS_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f2328}' +
  'table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}' +
  'th{background:#f6f8fa}code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}';

export function emitDocsIndex(ext: ContractExtensions, title: string, header: HeaderInfo): string {
  const links = DOC_LINKS.map((link) => `    <li><a href="${link.href}">${link.label}</a>: ${link.note}</li>\n`).join(
    '',
  );
  return (
    `<!DOCTYPE html>\n${htmlHeader(header)}<html lang="en">\n<head>\n  <meta charset="utf-8">\n` +
    `  <meta name="viewport" content="width=device-width, initial-scale=1">\n  <title>${escapeHtml(title)} ${
      ext.contractVersion
    }</title>\n` +
    `  <style>${DOCS_STYLE}</style>\n</head>\n<body>\n  <h1>${escapeHtml(title)}</h1>\n  <p>Contract version <code>${
      ext.contractVersion
    }</code>.</p>\n` +
    `  <ul>\n${links}  </ul>\n` +
    `  <h2>WebSocket close codes</h2>\n  <table>\n    <thead><tr><th>code</th><th>name</th><th>sent by</th><th>reasons (exact)</th><th>sent when</th><th>client action</th><th>reconnect</th></tr></thead>\n    <tbody>\n${closeCodeRows(
      ext,
    )}    </tbody>\n  </table>\n` +
    `  <h2>Token policy</h2>\n  <table>\n    <thead><tr><th>policy key</th><th>seconds</th><th>duration</th><th>override var (local tests only)</th></tr></thead>\n    <tbody>\n${tokenPolicyRows(
      ext,
    )}    </tbody>\n  </table>\n` +
    '</body>\n</html>\n'
  );
}
