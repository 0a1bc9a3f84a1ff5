// The AsyncAPI HTML template does not render x- extensions, so the copy of asyncapi.json that
// feeds docs/ws.html gets their content appended as Markdown. The served asyncapi.json is untouched.
import type { CloseCode } from './contract-extensions';
import { isSchema, type JsonSchema } from './json-schema';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function closeCodeTable(codes: readonly CloseCode[]): string {
  const rows = codes.map((entry) => {
    const reasons = entry.reasons.map((reason) => `\`${reason}\``).join(', ');
    const reconnect = entry.retryAfterMs === undefined ? entry.reconnect : `${entry.reconnect} (${entry.retryAfterMs} ms)`;
    return `| ${entry.code} | ${entry.name} | ${reasons} | ${cell(entry.when)} | ${cell(entry.clientAction)} | ${reconnect} |`;
  });
  return ['| code | name | reasons (exact) | sent when | client action | reconnect |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export function subprotocolList(subprotocol: Record<string, string>): string {
  return Object.entries(subprotocol).map(([key, value]) => `- \`${key}\`: ${cell(value)}`).join('\n');
}

function appendDescription(node: JsonSchema, markdown: string): JsonSchema {
  const current = typeof node.description === 'string' ? `${node.description.trimEnd()}\n\n` : '';
  return { ...node, description: `${current}${markdown}` };
}

/** A copy of `asyncapi` whose channel and security scheme descriptions show their x- data. */
export function asyncApiDocsView(asyncapi: JsonSchema): JsonSchema {
  const view = structuredClone(asyncapi);
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
