// The AsyncAPI HTML template does not render x- extensions, so the copy of asyncapi.json that
// feeds docs/ws.html gets their content appended as Markdown. It also prints `summary` as plain
// text (only `description` goes through its Markdown renderer), so a summary written with inline
// code would show its backticks. The served asyncapi.json is untouched.
import { reconnectText } from './close-code-text';
import type { CloseCode } from './contract-extensions';
import { isSchema, type JsonSchema } from './json-schema';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function closeCodeTable(codes: readonly CloseCode[]): string {
  const rows = codes.map((entry) => {
    const reasons = entry.reasons.map((reason) => `\`${reason}\``).join(', ') || '—';
    return `| ${entry.code} | ${entry.name} | ${entry.sentBy} | ${reasons} | ${cell(entry.when)} | ${cell(
      entry.clientAction,
    )} | ${cell(reconnectText(entry))} |`;
  });
  return [
    '| code | name | sent by | reasons (exact) | sent when | client action | reconnect |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function subprotocolList(subprotocol: Record<string, string>): string {
  return Object.entries(subprotocol)
    .map(([key, value]) => `- \`${key}\`: ${cell(value)}`)
    .join('\n');
}

function appendDescription(node: JsonSchema, markdown: string): JsonSchema {
  const current = typeof node.description === 'string' ? `${node.description.trimEnd()}\n\n` : '';
  return { ...node, description: `${current}${markdown}` };
}

const INLINE_CODE = /`[^`\n]+`/;

/** A summary with inline code moves to the front of the description, where Markdown renders it. */
export function summaryAsMarkdown(node: JsonSchema): JsonSchema {
  if (typeof node.summary !== 'string' || !INLINE_CODE.test(node.summary)) return node;
  const { summary, ...rest } = node;
  const description = typeof node.description === 'string' ? `\n\n${node.description}` : '';
  return { ...rest, description: `${summary}${description}` };
}

function mapValues(record: unknown, map: (node: JsonSchema) => JsonSchema): void {
  if (!isSchema(record)) return;
  for (const [id, node] of Object.entries(record)) if (isSchema(node)) record[id] = map(node);
}

/** Operations and messages (channel-local and shared) get Markdown-ready summaries. */
function renderSummariesAsMarkdown(view: JsonSchema): void {
  mapValues(view.operations, summaryAsMarkdown);
  for (const channel of Object.values(isSchema(view.channels) ? view.channels : {})) {
    if (isSchema(channel)) mapValues(channel.messages, summaryAsMarkdown);
  }
  if (isSchema(view.components)) mapValues(view.components.messages, summaryAsMarkdown);
}

/** A copy of `asyncapi` whose channel and security scheme descriptions show their x- data. */
export function asyncApiDocsView(asyncapi: JsonSchema): JsonSchema {
  const view = structuredClone(asyncapi);
  renderSummariesAsMarkdown(view);
  for (const [id, channel] of Object.entries(isSchema(view.channels) ? view.channels : {})) {
    if (!isSchema(channel) || !Array.isArray(channel['x-close-codes'])) continue;
    const table = closeCodeTable(channel['x-close-codes'] as CloseCode[]);
    (view.channels as JsonSchema)[id] = appendDescription(channel, `#### Close codes (\`x-close-codes\`)\n\n${table}`);
  }
  const components = isSchema(view.components) ? view.components : {};
  const schemes = isSchema(components.securitySchemes) ? components.securitySchemes : {};
  for (const [id, scheme] of Object.entries(schemes)) {
    if (!isSchema(scheme) || !isSchema(scheme['x-subprotocol'])) continue;
    const list = subprotocolList(scheme['x-subprotocol'] as Record<string, string>);
    schemes[id] = appendDescription(scheme, `Subprotocol conventions (\`x-subprotocol\`):\n\n${list}`);
  }
  return view;
}
