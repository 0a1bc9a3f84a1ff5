// generated/docs/http.html: the HTTP reference rendered from openapi.json in the docs site's own
// layout: each operation with its parameters, bodies, responses, pretty-printed examples and its
// curl, TypeScript and Swift samples. Static HTML, no script, nothing loaded from elsewhere.
import { operationSamples, type HttpOperation, type Samples } from './docs-samples';
import {
  codeBlock,
  escapeHtml,
  inlineMarkdown,
  jsonBlock,
  markdown,
  renderPage,
  type DocsNavLink,
} from './docs-site-layout';
import type { HeaderInfo } from './header';
import { isSchema, type JsonSchema } from './json-schema';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Follows a local `$ref` (`#/components/...`) once; other nodes are returned as they are. */
export function deref(document: JsonSchema, node: unknown): JsonSchema {
  if (!isSchema(node)) return {};
  if (typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  let target: unknown = document;
  for (const part of node.$ref.slice(2).split('/')) target = isSchema(target) ? target[part] : undefined;
  return isSchema(target) ? { ...target, ...(node.description ? { description: node.description } : {}) } : {};
}

export function listOperations(openapi: JsonSchema): HttpOperation[] {
  const paths = isSchema(openapi.paths) ? openapi.paths : {};
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = isSchema(item) ? item[method] : undefined;
      return isSchema(op) && typeof op.operationId === 'string'
        ? [{ operationId: op.operationId, method, path, op }]
        : [];
    }),
  );
}

/** `string, pattern ^…$` / `JobId` / `integer ≥ 1`: what a schema accepts, in one cell. */
export function schemaSummary(document: JsonSchema, schema: unknown): string {
  if (!isSchema(schema)) return '';
  const name = typeof schema.$ref === 'string' ? /[^/]+$/.exec(schema.$ref)?.[0] : undefined;
  const target = deref(document, schema);
  const parts = [name ? `<code>${escapeHtml(name)}</code>` : escapeHtml(String(target.type ?? 'any'))];
  if (name && target.type) parts.push(escapeHtml(String(target.type)));
  if (typeof target.pattern === 'string') parts.push(`pattern <code>${escapeHtml(target.pattern)}</code>`);
  if ('const' in target) parts.push(`always <code>${escapeHtml(JSON.stringify(target.const))}</code>`);
  if (Array.isArray(target.enum))
    parts.push(`one of ${target.enum.map((v) => `<code>${escapeHtml(String(v))}</code>`).join(', ')}`);
  return parts.join(', ');
}

function parametersTable(openapi: JsonSchema, op: JsonSchema): string {
  const params = (Array.isArray(op.parameters) ? op.parameters : []).map((param) => deref(openapi, param));
  if (params.length === 0) return '';
  const rows = params.map(
    (param) =>
      `<tr><td><code>${escapeHtml(String(param.name))}</code>${param.deprecated ? ' (deprecated)' : ''}</td><td>${escapeHtml(
        String(param.in),
      )}</td><td>${param.required ? 'yes' : 'no'}</td><td>${schemaSummary(openapi, param.schema)}</td><td>${inlineMarkdown(
        String(param.description ?? ''),
      )}</td></tr>`,
  );
  return `<h4>Parameters</h4>\n<table><thead><tr><th>name</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

function mediaExamples(media: JsonSchema): Array<{ name: string; value: unknown }> {
  if ('example' in media) return [{ name: 'example', value: media.example }];
  const examples = isSchema(media.examples) ? media.examples : {};
  return Object.entries(examples).flatMap(([name, example]) =>
    isSchema(example) && 'value' in example ? [{ name: String(example.summary ?? name), value: example.value }] : [],
  );
}

const exampleBlock = (value: unknown): string => (typeof value === 'string' ? codeBlock(value) : jsonBlock(value));

function requestBodySection(openapi: JsonSchema, op: JsonSchema): string {
  const body = deref(openapi, op.requestBody);
  const content = isSchema(body.content) ? body.content : {};
  const parts = Object.entries(content).map(([type, media]) => {
    const entry = isSchema(media) ? media : {};
    const examples = mediaExamples(entry)
      .map(
        (example) =>
          `<div class="example" data-example><figcaption>example: ${escapeHtml(example.name)}</figcaption>${exampleBlock(example.value)}</div>`,
      )
      .join('');
    return `<p><code>${escapeHtml(type)}</code>: ${schemaSummary(openapi, entry.schema)}</p>${examples}`;
  });
  if (parts.length === 0) return '';
  return `<h4>Request body</h4>\n${body.description ? markdown(String(body.description)) : ''}${parts.join('\n')}`;
}

function responsesSection(openapi: JsonSchema, op: JsonSchema): string {
  const responses = isSchema(op.responses) ? op.responses : {};
  const rows = Object.entries(responses).map(([status, value]) => {
    const response = deref(openapi, value);
    const content = isSchema(response.content) ? response.content : {};
    const examples = Object.values(content).flatMap((media) => (isSchema(media) ? mediaExamples(media) : []));
    const shown = examples
      .map((example) => {
        const block = `<figcaption>${escapeHtml(status)} example: ${escapeHtml(example.name)}</figcaption>${exampleBlock(example.value)}`;
        return /^2/.test(status)
          ? `<div class="example" data-example>${block}</div>`
          : `<details><summary>${escapeHtml(status)} example: ${escapeHtml(example.name)}</summary>${exampleBlock(example.value)}</details>`;
      })
      .join('');
    return `<tr><td>${escapeHtml(status)}</td><td>${inlineMarkdown(String(response.description ?? ''))}${shown}</td></tr>`;
  });
  return `<h4>Responses</h4>\n<table><thead><tr><th>status</th><th>description and examples</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

/** An operation with no example in the spec (the upgrade) shows the request it describes. */
function requestLineExample(openapi: JsonSchema, item: HttpOperation): string {
  const params = (Array.isArray(item.op.parameters) ? item.op.parameters : []).map((param) => deref(openapi, param));
  const query = params.filter((param) => param.in === 'query' && param.required);
  const headers = params.filter((param) => param.in === 'header' && param.example !== undefined);
  const search = query.map((param) => `${String(param.name)}=${String(param.example ?? '')}`).join('&');
  const lines = [
    `${item.method.toUpperCase()} ${item.path}${search ? `?${search}` : ''} HTTP/1.1`,
    ...headers.map((param) => `${String(param.name)}: ${String(param.example)}`),
  ];
  return `<div class="example" data-example><figcaption>example request</figcaption>${codeBlock(lines.join('\n'), 'http')}</div>`;
}

export function samplesSection(samples: Samples, kinds: ReadonlyArray<[keyof Samples, string]>): string {
  const figures = kinds
    .filter(([kind]) => samples[kind] !== undefined)
    .map(
      ([kind, label]) =>
        `<figure data-sample="${kind}"><figcaption>${escapeHtml(label)}</figcaption>${codeBlock(samples[kind] ?? '', kind)}</figure>`,
    )
    .join('\n');
  return `<div class="samples"><h4>Samples</h4>\n${figures}</div>`;
}

function operationSection(openapi: JsonSchema, item: HttpOperation, jobId: string): string {
  const { op } = item;
  const hasExample = [requestBodySection(openapi, op), responsesSection(openapi, op)].join('').includes('data-example');
  const samples = operationSamples(item, jobId);
  const curlLabel = item.operationId === 'connectProgressSocket' ? 'wscat' : 'curl';
  return [
    `<section class="item" id="${escapeHtml(item.operationId)}" data-doc-item="${escapeHtml(item.operationId)}">`,
    `<h3><span class="method ${item.method}">${item.method.toUpperCase()}</span><code>${escapeHtml(item.path)}</code></h3>`,
    `<p><strong>${inlineMarkdown(String(op.summary ?? ''))}</strong> <span class="note">operationId <code>${escapeHtml(
      item.operationId,
    )}</code>${Array.isArray(op.security) && op.security.length ? ' · Bearer job token' : ''}</span></p>`,
    op.description ? markdown(String(op.description)) : '',
    parametersTable(openapi, op),
    requestBodySection(openapi, op),
    hasExample ? '' : requestLineExample(openapi, item),
    responsesSection(openapi, op),
    samplesSection(samples, [
      ['curl', curlLabel],
      ['ts', 'TypeScript (@bookstrack/client)'],
      ['swift', 'Swift (BooksTrackContract)'],
    ]),
    '</section>',
  ].join('\n');
}

function schemasSection(openapi: JsonSchema): string {
  const components = isSchema(openapi.components) ? openapi.components : {};
  const schemas = isSchema(components.schemas) ? components.schemas : {};
  const items = Object.entries(schemas).map(
    ([name, schema]) =>
      `<details id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code>${
        isSchema(schema) && schema.description
          ? `: ${inlineMarkdown(String(schema.description).split('\n\n')[0] ?? '')}`
          : ''
      }</summary>${jsonBlock(schema)}</details>`,
  );
  return `<h2 id="schemas">Schemas</h2>\n<p>The JSON Schemas of <code>/openapi.json</code> (the same files feed <code>/asyncapi.json</code>).</p>\n${items.join('\n')}`;
}

export function emitHttpDocs(openapi: JsonSchema, header: HeaderInfo): string {
  const info = isSchema(openapi.info) ? openapi.info : {};
  const version = String(info.version);
  const operations = listOperations(openapi);
  const jobIdExample = String(deref(openapi, { $ref: '#/components/parameters/JobIdQuery' }).example ?? 'JOB_ID');
  const tags = (Array.isArray(openapi.tags) ? openapi.tags : []).filter(isSchema);
  const servers = (Array.isArray(openapi.servers) ? openapi.servers : []).filter(isSchema);
  const toc: DocsNavLink[] = [];
  const groups = tags.map((tag) => {
    const members = operations.filter((item) => Array.isArray(item.op.tags) && item.op.tags[0] === tag.name);
    if (members.length === 0) return '';
    toc.push({ href: `#tag-${String(tag.name)}`, label: String(tag.name) });
    return [
      `<h2 id="tag-${escapeHtml(String(tag.name))}">${escapeHtml(String(tag.name))}</h2>`,
      inlineMarkdown(String(tag.description ?? '')),
      ...members.map((item) => operationSection(openapi, item, jobIdExample)),
    ].join('\n');
  });
  toc.push({ href: '#schemas', label: 'schemas' });
  const serverRows = servers
    .map(
      (server) =>
        `<tr><td><code>${escapeHtml(String(server.url))}</code></td><td>${inlineMarkdown(String(server.description ?? ''))}</td></tr>`,
    )
    .join('');
  const body = [
    `<h1>${escapeHtml(String(info.title))} <small class="note">${escapeHtml(version)}</small></h1>`,
    info.summary ? `<p>${inlineMarkdown(String(info.summary))}</p>` : '',
    `<table><thead><tr><th>server</th><th>description</th></tr></thead><tbody>${serverRows}</tbody></table>`,
    markdown(String(info.description ?? '')),
    ...groups,
    schemasSection(openapi),
  ].join('\n');
  return renderPage({ path: '/docs/http', title: 'HTTP API', contractVersion: version, body, toc }, header);
}
