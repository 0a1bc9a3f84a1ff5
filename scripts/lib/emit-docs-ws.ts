// generated/docs/ws.html: the WebSocket reference rendered from asyncapi.json in the docs site's
// layout: the connection flow (mermaid drawn as SVG), the ws binding (query and headers), the
// subprotocol auth, limits, the x-close-codes table, every message with its pretty-printed example
// and samples, and the live console (docs-console.js, client/docs-console, same origin).
import { reconnectText } from './close-code-text';
import type { ContractExtensions } from './contract-extensions';
import { messageSamples, wscatSample, type WsMessage } from './docs-samples';
import { escapeHtml, inlineMarkdown, jsonBlock, markdown, renderPage, type DocsNavLink } from './docs-site-layout';
import { deref, samplesSection, schemaSummary } from './emit-docs-http';
import type { HeaderInfo } from './header';
import { isSchema, type JsonSchema } from './json-schema';

/** The console bundle (client/scripts/build-demo.ts writes it next to app.js in server/public). */
export const CONSOLE_SCRIPT = '/docs-console.js';

const cell = (text: string): string => inlineMarkdown(text);

export function closeCodeTable(codes: ContractExtensions['closeCodes']): string {
  const rows = codes.map((entry) => {
    const reasons = entry.reasons.map((reason) => `<code>${escapeHtml(reason)}</code>`).join(', ') || '—';
    return `<tr id="close-${entry.code}"><td>${entry.code}</td><td><code>${entry.name}</code></td><td>${entry.sentBy}</td><td>${reasons}</td><td>${cell(
      entry.when,
    )}</td><td>${cell(entry.clientAction)}</td><td><code>${escapeHtml(reconnectText(entry))}</code></td></tr>`;
  });
  return (
    '<table data-close-codes><thead><tr><th>code</th><th>name</th><th>sent by</th><th>reasons (exact)</th><th>sent when</th>' +
    `<th>client action</th><th>reconnect</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function propertyRows(asyncapi: JsonSchema, schema: JsonSchema): string {
  const required = Array.isArray(schema.required) ? schema.required : [];
  const properties = isSchema(schema.properties) ? schema.properties : {};
  return Object.entries(properties)
    .map(([name, value]) => {
      const property = isSchema(value) ? value : {};
      const description = String(property.description ?? deref(asyncapi, property).description ?? '');
      return `<tr><td><code>${escapeHtml(name)}</code>${property.deprecated ? ' (deprecated)' : ''}</td><td>${
        required.includes(name) ? 'yes' : 'no'
      }</td><td>${schemaSummary(asyncapi, property)}</td><td>${cell(description)}</td></tr>`;
    })
    .join('');
}

/** The channel's `bindings.ws`: method, query (with the JobId pattern) and handshake headers. */
export function wsBindingSection(asyncapi: JsonSchema, channel: JsonSchema): string {
  const bindings = isSchema(channel.bindings) ? channel.bindings : {};
  const ws = isSchema(bindings.ws) ? bindings.ws : {};
  const head = '<thead><tr><th>name</th><th>required</th><th>schema</th><th>description</th></tr></thead>';
  const query = isSchema(ws.query) ? ws.query : {};
  const headers = isSchema(ws.headers) ? ws.headers : {};
  return [
    `<section data-ws-binding><h2 id="binding">WebSocket binding (<code>bindings.ws</code>)</h2>`,
    `<p>Method <code>${escapeHtml(String(ws.method ?? 'GET'))}</code> on <code>${escapeHtml(String(channel.address))}</code>, HTTP/1.1.</p>`,
    `<h3>Query</h3><table>${head}<tbody>${propertyRows(asyncapi, query)}</tbody></table>`,
    `<h3>Handshake headers</h3><table>${head}<tbody>${propertyRows(asyncapi, headers)}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function securitySection(asyncapi: JsonSchema): string {
  const components = isSchema(asyncapi.components) ? asyncapi.components : {};
  const schemes = isSchema(components.securitySchemes) ? components.securitySchemes : {};
  return Object.entries(schemes)
    .map(([id, value]) => {
      const scheme = isSchema(value) ? value : {};
      const subprotocol = isSchema(scheme['x-subprotocol']) ? scheme['x-subprotocol'] : {};
      const rows = Object.entries(subprotocol)
        .map(([key, text]) => `<tr><td><code>${escapeHtml(key)}</code></td><td>${cell(String(text))}</td></tr>`)
        .join('');
      return [
        `<h3 id="auth-${escapeHtml(id)}">Security scheme <code>${escapeHtml(id)}</code></h3>`,
        `<p><code>${escapeHtml(String(scheme.type))}</code> in ${escapeHtml(String(scheme.in))} <code>${escapeHtml(String(scheme.name))}</code></p>`,
        markdown(String(scheme.description ?? '')),
        rows
          ? `<h4>Subprotocol conventions (<code>x-subprotocol</code>)</h4><table><tbody>${rows}</tbody></table>`
          : '',
      ].join('\n');
    })
    .join('\n');
}

function limitsTable(limits: Record<string, number>): string {
  const rows = Object.entries(limits)
    .map(([key, value]) => `<tr><td><code>${escapeHtml(key)}</code></td><td>${value}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>x-limits</th><th>value</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Each message of the channel with its direction, from the operation that carries it. */
export function listMessages(asyncapi: JsonSchema): WsMessage[] {
  const operations = isSchema(asyncapi.operations) ? Object.values(asyncapi.operations).filter(isSchema) : [];
  const channels = isSchema(asyncapi.channels) ? Object.values(asyncapi.channels).filter(isSchema) : [];
  return channels.flatMap((channel) =>
    Object.entries(isSchema(channel.messages) ? channel.messages : {}).map(([name, value]) => {
      const message = isSchema(value) ? value : {};
      const operation = operations.find(
        (op) =>
          Array.isArray(op.messages) &&
          op.messages.some((ref) => isSchema(ref) && String(ref.$ref).endsWith(`/${name}`)),
      );
      const payloadRef = isSchema(message.payload) ? String(message.payload.$ref ?? '') : '';
      const payload = deref(asyncapi, message.payload);
      const inner = isSchema(payload.properties) ? deref(asyncapi, payload.properties.payload) : {};
      const examples = Array.isArray(message.examples) ? message.examples.filter(isSchema) : [];
      return {
        name,
        action: operation?.action === 'receive' ? 'receive' : 'send',
        payloadType: /[^/]+$/.exec(payloadRef)?.[0] ?? name,
        payloadFields: Array.isArray(inner.required) ? inner.required.map(String) : [],
        example: examples[0]?.payload,
      } satisfies WsMessage;
    }),
  );
}

function messageSection(asyncapi: JsonSchema, channel: JsonSchema, message: WsMessage, jobId: string): string {
  const spec = deref(asyncapi, (isSchema(channel.messages) ? channel.messages : {})[message.name]);
  const examples = (Array.isArray(spec.examples) ? spec.examples : []).filter(isSchema);
  const direction = message.action === 'receive' ? 'client → server' : 'server → client';
  const samples = messageSamples(message, jobId);
  const kinds: Array<['ts' | 'swift' | 'curl', string]> = [
    ['ts', 'TypeScript (@bookstrack/client)'],
    ['swift', 'Swift (BooksTrackContract)'],
  ];
  if (message.action === 'receive') {
    samples.curl = wscatSample(jobId).replace('{"type":"ready"}', JSON.stringify(message.example));
    kinds.push(['curl', 'wscat']);
  }
  return [
    `<section class="item" id="message-${escapeHtml(message.name)}" data-doc-item="message:${escapeHtml(message.name)}">`,
    `<h3><span class="method ${message.action}">${direction}</span><code>${escapeHtml(message.name)}</code></h3>`,
    `<p><strong>${cell(String(spec.summary ?? ''))}</strong> <span class="note">payload <a href="#schema-${escapeHtml(
      message.payloadType,
    )}"><code>${escapeHtml(message.payloadType)}</code></a></span></p>`,
    markdown(String(spec.description ?? '')),
    ...examples.map(
      (example) =>
        `<div class="example" data-example><figcaption>example: ${escapeHtml(String(example.summary ?? example.name ?? ''))}</figcaption>${jsonBlock(
          example.payload,
        )}</div>`,
    ),
    samplesSection(samples, kinds),
    '</section>',
  ].join('\n');
}

function consoleSection(): string {
  return [
    '<h2 id="console">Live console</h2>',
    '<p>Runs against this server: starts a small CSV import (<code>POST /api/csv/import</code>), opens the socket with the subprotocols, sends <code>ready</code>, and checks every frame with the generated reader of its message type. Close codes are explained from the close-code table above as they arrive. On a simulator server it also offers its scenarios.</p>',
    '<div class="console" id="docs-console" data-console>',
    '<p><label>Scenario <select id="console-scenario"><option value="">sample CSV import</option></select></label> ',
    '<button id="console-start" type="button">Start job and connect</button><button id="console-cancel" type="button" disabled>Send cancel</button></p>',
    '<p id="console-status" class="note">Not connected. (The console needs the page served by the Worker: it loads <code>/docs-console.js</code>.)</p>',
    '<ol class="frames" id="console-frames"></ol>',
    '</div>',
  ].join('\n');
}

function schemasSection(asyncapi: JsonSchema): string {
  const components = isSchema(asyncapi.components) ? asyncapi.components : {};
  const schemas = isSchema(components.schemas) ? components.schemas : {};
  return [
    '<h2 id="schemas">Schemas</h2>',
    ...Object.entries(schemas).map(
      ([name, schema]) =>
        `<details id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code></summary>${jsonBlock(schema)}</details>`,
    ),
  ].join('\n');
}

export function emitWsDocs(asyncapi: JsonSchema, ext: ContractExtensions, header: HeaderInfo): string {
  const info = isSchema(asyncapi.info) ? asyncapi.info : {};
  const [channelId, channelValue] = Object.entries(isSchema(asyncapi.channels) ? asyncapi.channels : {})[0] ?? [];
  const channel = isSchema(channelValue) ? channelValue : {};
  const messages = listMessages(asyncapi);
  const sample = messages.map((message) => message.example).find((example) => isSchema(example) && 'jobId' in example);
  const jobId = String(isSchema(sample) ? sample.jobId : 'JOB_ID');
  const servers = Object.entries(isSchema(asyncapi.servers) ? asyncapi.servers : {}).map(([id, value]) => {
    const server = isSchema(value) ? value : {};
    return `<tr><td>${escapeHtml(id)}</td><td><code>${escapeHtml(`${String(server.protocol)}://${String(server.host)}`)}</code></td><td>${cell(String(server.description ?? ''))}</td></tr>`;
  });
  const toc: DocsNavLink[] = [
    { href: '#overview', label: 'overview' },
    { href: '#channel', label: `channel ${String(channelId)}` },
    { href: '#binding', label: 'ws binding' },
    { href: '#auth', label: 'auth' },
    { href: '#close-codes', label: 'close codes' },
    { href: '#messages', label: 'messages' },
    { href: '#console', label: 'live console' },
    { href: '#schemas', label: 'schemas' },
  ];
  const body = [
    `<h1 id="overview">${escapeHtml(String(info.title))} <small class="note">${escapeHtml(String(info.version))}</small></h1>`,
    `<table><thead><tr><th>server</th><th>url</th><th>description</th></tr></thead><tbody>${servers.join('')}</tbody></table>`,
    markdown(String(info.description ?? '')),
    `<h2 id="channel">Channel <code>${escapeHtml(String(channel.address))}</code></h2>`,
    channel.summary ? `<p>${cell(String(channel.summary))}</p>` : '',
    markdown(String(channel.description ?? '')),
    `<h3>Limits</h3>${limitsTable(ext.wsLimits)}`,
    wsBindingSection(asyncapi, channel),
    `<h2 id="auth">Auth</h2>`,
    securitySection(asyncapi),
    `<h2 id="close-codes">Close codes (<code>x-close-codes</code>)</h2>`,
    closeCodeTable(ext.closeCodes),
    `<h2 id="messages">Messages</h2>`,
    ...messages.map((message) => messageSection(asyncapi, channel, message, jobId)),
    consoleSection(),
    schemasSection(asyncapi),
  ].join('\n');
  return renderPage(
    {
      path: '/docs/ws',
      title: 'WebSocket API',
      contractVersion: ext.contractVersion,
      body,
      toc,
      scripts: [CONSOLE_SCRIPT],
    },
    header,
  );
}
