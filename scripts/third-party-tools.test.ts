// The committed bundles as a team's own tools see them: an HTTP client generator (@hey-api/openapi-ts),
// a mock server (Prism) and Redocly's filter-out decorator over generated/openapi.json, the AsyncAPI
// parser over generated/asyncapi.json.
// spec/README.md ("Generators and mocks") states what each may rely on.
import { Parser } from '@asyncapi/parser';
import { createClient } from '@hey-api/openapi-ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePointer } from './core/json-pointer';
import { GENERATED_DIR } from './core/paths';
import { captureTool } from './core/run-tool';
import { startToolServer, type ToolServer } from './core/tool-server';
import { isSchema, type JsonSchema } from './lib/json-schema';

const OPENAPI_FILE = join(GENERATED_DIR, 'openapi.json');
const openapi = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as JsonSchema;
const asyncapiText = readFileSync(join(GENERATED_DIR, 'asyncapi.json'), 'utf8');
const asyncapi = JSON.parse(asyncapiText) as JsonSchema;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const record = (value: unknown): JsonSchema => (isSchema(value) ? value : {});
const deref = (node: unknown): JsonSchema => {
  const ref = record(node).$ref;
  return typeof ref === 'string' ? deref(resolvePointer(openapi, ref.slice(1), ref)) : record(node);
};

interface Operation {
  method: string;
  path: string;
  op: JsonSchema;
}

const operations: Operation[] = Object.entries(record(openapi.paths)).flatMap(([path, item]) =>
  METHODS.filter((method) => isSchema(deref(item)[method])).map((method) => ({
    method,
    path,
    op: record(deref(item)[method]),
  })),
);
const isWebSocket = ({ op }: Operation): boolean => op['x-websocket'] === true;
const httpOperations = operations.filter((operation) => !isWebSocket(operation));

const errorStatus = record(record(record(openapi.components).schemas).ErrorCode)['x-error-status'] as Record<
  string,
  number
>;

interface ErrorCase {
  label: string;
  operation: Operation;
  status: string;
  examples: [name: string, value: JsonSchema][];
}

const errorCases: ErrorCase[] = operations.flatMap((operation) =>
  Object.entries(record(operation.op.responses))
    .filter(([status]) => /^[45]\d\d$/.test(status))
    .map(([status, response]) => {
      const media = record(record(deref(response).content)['application/json']);
      const examples = Object.entries(record(media.examples)).map(
        ([name, example]) => [name, record(deref(example).value)] as [string, JsonSchema],
      );
      return { label: `${String(operation.op.operationId)} ${status}`, operation, status, examples };
    }),
);
const codeOf = (body: unknown): string => String(record(record(body).error).code);

describe('error responses in the OpenAPI bundle', () => {
  it.each(errorCases.map((c) => [c.label, c] as const))(
    '%s has named examples, each with a code of that status',
    (_label, c) => {
      expect(c.examples.length).toBeGreaterThan(0);
      for (const [name, value] of c.examples) expect(errorStatus[codeOf(value)], name).toBe(Number(c.status));
    },
  );

  it('gives no error body schema an example that would outrank the responses', () => {
    const bodySchemas = new Set(
      errorCases.map((c) => {
        const response = deref(record(c.operation.op.responses)[c.status]);
        return deref(record(record(response.content)['application/json']).schema);
      }),
    );
    for (const schema of bodySchemas) {
      expect(schema.examples, String(schema.title)).toBeUndefined();
      expect(schema.example, String(schema.title)).toBeUndefined();
    }
  });
});

/** A request Prism accepts as valid: the operation's own parameter and body examples, a bearer token. */
function validRequest({ method, path, op }: Operation): { url: string; init: RequestInit } {
  const parameters = (Array.isArray(op.parameters) ? op.parameters : []).map(deref);
  const exampleOf = (parameter: JsonSchema): string =>
    String(parameter.example ?? (record(parameter.schema).examples as unknown[] | undefined)?.[0]);
  let url = path;
  const query = new URLSearchParams();
  for (const parameter of parameters) {
    if (parameter.in === 'path') url = url.replace(`{${String(parameter.name)}}`, exampleOf(parameter));
    if (parameter.in === 'query' && parameter.required === true)
      query.set(String(parameter.name), exampleOf(parameter));
  }
  const headers: Record<string, string> = {};
  if (Array.isArray(op.security) && op.security.length > 0)
    headers.Authorization = 'Bearer 7c9e6679-7425-40de-944b-e07fc1f90ae7';
  const json = record(record(deref(op.requestBody).content)['application/json']);
  const bodyExample = Object.values(record(json.examples)).map((example) => deref(example).value)[0];
  let body: string | undefined;
  if (bodyExample !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(bodyExample);
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return { url: `${url}${search}`, init: { method: method.toUpperCase(), headers, body } };
}

describe('Prism mock over generated/openapi.json', () => {
  let prism: ToolServer;
  beforeAll(async () => {
    prism = await startToolServer(
      '@stoplight/prism-cli',
      (port) => ['mock', OPENAPI_FILE, '--host', '127.0.0.1', '--port', String(port)],
      /Prism is listening on/,
    );
    // Prism takes ~3 s to start on a quiet machine and over 10 s (the default) on two busy cores.
  }, 90_000);
  afterAll(() => prism?.stop());

  async function mocked(operation: Operation, prefer: string): Promise<{ status: number; body: unknown }> {
    const { url, init } = validRequest(operation);
    const response = await fetch(`${prism.origin}${url}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Prefer: prefer },
    });
    return { status: response.status, body: await response.json() };
  }

  const httpErrorCases = errorCases.filter((c) => !isWebSocket(c.operation));

  it.each(httpErrorCases.map((c) => [c.label, c] as const))(
    '%s without an example name answers with the response’s first example',
    async (_label, c) => {
      const { status, body } = await mocked(c.operation, `code=${c.status}`);
      expect(status).toBe(Number(c.status));
      expect(errorStatus[codeOf(body)], codeOf(body)).toBe(Number(c.status));
      expect(body).toEqual(c.examples[0]?.[1]);
    },
  );

  it.each(
    httpErrorCases.flatMap((c) => c.examples.map(([name, value]) => [`${c.label} ${name}`, c, name, value] as const)),
  )('%s is served by name', async (_label, c, name, value) => {
    const { status, body } = await mocked(c.operation, `code=${c.status}, example=${name}`);
    expect(status).toBe(Number(c.status));
    expect(body).toEqual(value);
  });
});

describe('@hey-api/openapi-ts client from generated/openapi.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bookstrack-hey-api-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let sdk = '';
  beforeAll(async () => {
    await createClient({
      input: OPENAPI_FILE,
      output: join(dir, 'client'),
      plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
      parser: { filters: { tags: { exclude: ['websocket'] } } },
      logs: { level: 'silent', file: false },
    });
    sdk = readFileSync(join(dir, 'client', 'sdk.gen.ts'), 'utf8');
  }, 90_000);

  it('has a function for every HTTP operation', () => {
    for (const { op } of httpOperations) expect(sdk).toContain(`export const ${String(op.operationId)} =`);
  });

  it('skips the WebSocket route, excluded by its websocket tag', () => {
    expect(operations.filter(isWebSocket).map(({ path }) => path)).toEqual(['/ws/progress']);
    expect(sdk).not.toContain('/ws/progress');
    expect(sdk).not.toContain('connectProgressSocket');
  });

  it('type-checks with tsc --strict', async () => {
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
      },
      include: ['client/**/*.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const run = await captureTool('typescript', ['-p', join(dir, 'tsconfig.json')], { bin: 'tsc' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('Redocly filter-out over generated/openapi.json', () => {
  it('drops exactly the operations marked x-websocket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bookstrack-filter-out-'));
    try {
      const config = [
        'apis:',
        '  http:',
        `    root: ${JSON.stringify(OPENAPI_FILE)}`,
        '    decorators:',
        '      filter-out: {property: x-websocket, value: [true]}',
        '',
      ].join('\n');
      writeFileSync(join(dir, 'redocly.yaml'), config);
      await captureTool('@redocly/cli', ['bundle', 'http', '--output', join(dir, 'out.json')], { cwd: dir });
      const filtered = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as JsonSchema;
      const paths = Object.keys(record(openapi.paths));
      expect(Object.keys(record(filtered.paths))).toEqual(paths.filter((path) => path !== '/ws/progress'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('AsyncAPI parser over generated/asyncapi.json', () => {
  const parsed = new Parser().parse(asyncapiText);
  const channelPayloads = Object.values(record(record(record(asyncapi.channels).progress).messages)).map((message) =>
    String(record(record(message).payload).$ref).replace('#/components/schemas/', ''),
  );

  it.each([
    ['ServerMessage', 7],
    ['ClientMessage', 2],
  ] as const)('finds the union %s in components.schemas, one member per message', async (name, members) => {
    const { document } = await parsed;
    const union = document?.components().schemas().get(name);
    expect(union?.oneOf()?.map((member) => member.id())).toHaveLength(members);
    for (const member of union?.oneOf() ?? []) expect(channelPayloads).toContain(member.id());
  });
});
