// Code samples for every HTTP operation (curl, the TypeScript client, Swift URLSession) and every
// WebSocket message (TypeScript, Swift), built from the bundled documents: paths, methods, auth,
// body and response type names and example values all come from the spec. Each TypeScript sample
// is a whole module (docs-samples.test.ts type-checks it against client/src and generated/), each
// Swift sample a whole file (checked by the Swift syntax check).
import { isSchema, type JsonSchema } from './json-schema';

export const SAMPLE_ORIGIN = 'http://127.0.0.1:8787';
const SAMPLE_TOKEN = '5b0c8d3e-1f2a-4c6b-9d7e-3a8f1e2c4b6d';

export interface Samples {
  curl?: string;
  ts: string;
  swift: string;
}

export interface HttpOperation {
  operationId: string;
  method: string;
  path: string;
  op: JsonSchema;
}

/** The TypeScript client's method for an operation (client/src/api-client.ts); the type-check proves each. */
const CLIENT_CALLS: Record<string, string> = {
  importCsv: 'api.importCsv(csvText)',
  startEnrichmentBatch: 'api.startEnrichmentBatch(body)',
  startScanBatch: 'api.startScanBatch(body)',
  getJobState: 'api.getJobState(jobId, token)',
  cancelJob: 'api.cancelJob(jobId, token)',
  refreshToken: 'api.refreshToken(body.jobId, body.oldToken)',
  getCsvResults: 'api.getCsvResults(jobId, token)',
  getEnrichmentResults: 'api.getEnrichmentResults(jobId, token)',
  getScanResults: 'api.getScanResults(jobId, token)',
  getHealth: 'api.getHealth()',
};

const refName = (ref: unknown): string | undefined => (typeof ref === 'string' ? /[^/]+$/.exec(ref)?.[0] : undefined);

function jsonContent(content: unknown): JsonSchema | undefined {
  const entry = isSchema(content) ? content['application/json'] : undefined;
  return isSchema(entry) ? entry : undefined;
}

/** The first example value of a media type object (`example` or the first of `examples`). */
export function firstExample(media: JsonSchema | undefined): unknown {
  if (!media) return undefined;
  if ('example' in media) return media.example;
  const examples = isSchema(media.examples) ? Object.values(media.examples) : [];
  const first = examples[0];
  return isSchema(first) ? first.value : undefined;
}

function successResponse(op: JsonSchema): [string, JsonSchema] | undefined {
  const responses = isSchema(op.responses) ? op.responses : {};
  const entry = Object.entries(responses).find(([status]) => /^[12]\d\d$/.test(status));
  return entry && isSchema(entry[1]) ? [entry[0], entry[1]] : undefined;
}

/** The `data` type of the success envelope (`JobState`), or undefined for a non-envelope body. */
export function successDataType(op: JsonSchema): string | undefined {
  const media = jsonContent(successResponse(op)?.[1].content);
  const schema = media && isSchema(media.schema) ? media.schema : undefined;
  const data = schema && isSchema(schema.properties) ? schema.properties.data : undefined;
  return isSchema(data) ? refName(data.$ref) : undefined;
}

function requestBody(op: JsonSchema): { type: string | undefined; example: unknown } | undefined {
  const body = isSchema(op.requestBody) ? op.requestBody : undefined;
  const media = jsonContent(body?.content);
  if (!media) return undefined;
  return { type: isSchema(media.schema) ? refName(media.schema.$ref) : undefined, example: firstExample(media) };
}

const isBearer = (op: JsonSchema): boolean => Array.isArray(op.security) && op.security.length > 0;
const hasJobIdPath = (path: string): boolean => path.includes('{jobId}');
const json = (value: unknown): string => JSON.stringify(value, null, 2);

export function curlSample(item: HttpOperation, jobId: string): string {
  const url = `${SAMPLE_ORIGIN}${item.path.replace('{jobId}', jobId)}`;
  const lines = [`curl -sS -X ${item.method.toUpperCase()} '${url}'`];
  if (isBearer(item.op)) lines.push(`  -H 'Authorization: Bearer ${SAMPLE_TOKEN}'`);
  const body = requestBody(item.op);
  if (body?.example !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`, `  --data '${JSON.stringify(body.example)}'`);
  }
  return lines.join(' \\\n');
}

/** The WebSocket upgrade has no fetch form: its sample is the socket client / URLSessionWebSocketTask. */
const UPGRADE_OPERATION = 'connectProgressSocket';

export function wscatSample(jobId: string): string {
  const ws = SAMPLE_ORIGIN.replace(/^http/, 'ws');
  return `npx wscat -c '${ws}/ws/progress?jobId=${jobId}' \\\n  -s bookstrack.v1 -s 'bookstrack-auth.${SAMPLE_TOKEN}'\n> {"type":"ready"}`;
}

function tsSample(item: HttpOperation, jobId: string): string {
  const body = requestBody(item.op);
  const head = ["import { BooksTrackApi, BooksTrackApiError } from '@bookstrack/client';", ''];
  if (item.operationId === UPGRADE_OPERATION) {
    return [
      "import { ProgressSocketClient } from '@bookstrack/client';",
      '',
      `const socket = new ProgressSocketClient({ baseUrl: '${SAMPLE_ORIGIN}', jobId: '${jobId}', token: '${SAMPLE_TOKEN}' });`,
      "socket.on('closed', (event) => console.log(event.code, event.reason, event.cause));",
      'socket.connect();',
      '',
    ].join('\n');
  }
  const call = CLIENT_CALLS[item.operationId];
  if (!call) {
    return [
      `const response = await fetch('${SAMPLE_ORIGIN}${item.path}');`,
      `const body = ${item.path.endsWith('.json') ? 'await response.json()' : 'await response.text()'};`,
      'console.log(response.status, body);',
      '',
    ].join('\n');
  }
  const inputs: string[] = [];
  if (call.includes('jobId')) inputs.push(`const jobId = '${jobId}';`);
  if (call.includes('token')) inputs.push(`const token = '${SAMPLE_TOKEN}';`);
  if (call.includes('csvText')) inputs.push("const csvText = 'title,author\\nDune,Frank Herbert\\n';");
  if (call.includes('body') && body?.type) {
    head[0] = `import { BooksTrackApi, BooksTrackApiError, type ${body.type} } from '@bookstrack/client';`;
    inputs.push(`const body: ${body.type} = ${json(body.example)};`);
  }
  return [
    ...head,
    `const api = new BooksTrackApi({ baseUrl: '${SAMPLE_ORIGIN}' });`,
    ...inputs,
    'try {',
    `  const { data, metadata } = await ${call};`,
    '  console.log(metadata.requestId, data);',
    '} catch (error) {',
    '  if (!(error instanceof BooksTrackApiError)) throw error;',
    '  console.log(error.status, error.code, error.message);',
    '}',
    '',
  ].join('\n');
}

function swiftSample(item: HttpOperation, jobId: string): string {
  if (item.operationId === UPGRADE_OPERATION) return swiftSocketSample(jobId);
  const body = requestBody(item.op);
  const dataType = successDataType(item.op);
  const params = [
    ...(hasJobIdPath(item.path) ? ['jobId: String'] : []),
    ...(isBearer(item.op) ? ['token: String'] : []),
    ...(body?.type ? [`body: ${body.type}`] : []),
  ];
  const path = item.path.replace('{jobId}', '\\(jobId)');
  const returns = dataType ?? 'Data';
  const lines = [
    'import Foundation',
    'import BooksTrackContract',
    '',
    `func ${item.operationId}(${params.join(', ')}) async throws -> ${returns} {`,
    `    var request = URLRequest(url: URL(string: "${SAMPLE_ORIGIN}${path}")!)`,
    `    request.httpMethod = "${item.method.toUpperCase()}"`,
    ...(isBearer(item.op) ? ['    request.setValue("Bearer \\(token)", forHTTPHeaderField: "Authorization")'] : []),
    ...(body?.type
      ? [
          '    request.setValue("application/json", forHTTPHeaderField: "Content-Type")',
          '    request.httpBody = try JSONEncoder.bookstrack.encode(body)',
        ]
      : []),
    '    let (data, response) = try await URLSession.shared.data(for: request)',
    dataType
      ? `    return try BooksTrackResponse.decode(${dataType}.self, status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)`
      : '    _ = response\n    return data',
    '}',
    '',
  ];
  return lines.join('\n');
}

export function swiftSocketSample(jobId: string): string {
  return [
    'import Foundation',
    'import BooksTrackContract',
    '',
    `var request = URLRequest(url: URL(string: "${SAMPLE_ORIGIN.replace(/^http/, 'ws')}/ws/progress?jobId=${jobId}")!)`,
    `request.setValue(Subprotocol.protocols(token: "${SAMPLE_TOKEN}").joined(separator: ", "), forHTTPHeaderField: "Sec-WebSocket-Protocol")`,
    'let task = URLSession.shared.webSocketTask(with: request)',
    'task.resume()',
    'let ready = try JSONEncoder.bookstrack.encode(ClientMessage.ready(ReadyMessage()))',
    'task.send(.string(String(decoding: ready, as: UTF8.self))) { error in',
    '    if let error { print("send failed", error) }',
    '}',
    '',
  ].join('\n');
}

export function operationSamples(item: HttpOperation, jobId: string): Samples {
  return {
    curl: item.operationId === UPGRADE_OPERATION ? wscatSample(jobId) : curlSample(item, jobId),
    ts: tsSample(item, jobId),
    swift: swiftSample(item, jobId),
  };
}

export interface WsMessage {
  name: string;
  /** `receive`: the client sends it; `send`: the server does (AsyncAPI operation action). */
  action: 'send' | 'receive';
  payloadType: string;
  /** Required fields of the message's payload (server messages), for the handler sample. */
  payloadFields: string[];
  example: unknown;
}

/** `job_progress` → `jobProgress` (the Swift ServerMessage/ClientMessage case). */
const swiftCase = (name: string): string => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

export function messageSamples(message: WsMessage, jobId: string): Samples {
  if (message.action === 'receive') {
    return {
      ts: [
        `import type { ${message.payloadType} } from '@bookstrack/client';`,
        '',
        '// ProgressSocketClient sends `ready` on open and `cancel` from socket.cancel(); on a bare WebSocket:',
        `declare const ws: WebSocket;`,
        `const message: ${message.payloadType} = ${json(message.example)};`,
        'ws.send(JSON.stringify(message));',
        '',
      ].join('\n'),
      swift: [
        'import Foundation',
        'import BooksTrackContract',
        '',
        `func send${message.payloadType}(on task: URLSessionWebSocketTask) throws {`,
        `    let frame = try JSONEncoder.bookstrack.encode(ClientMessage.${swiftCase(message.name)}(${message.payloadType}()))`,
        '    task.send(.string(String(decoding: frame, as: UTF8.self))) { error in',
        '        if let error { print("send failed", error) }',
        '    }',
        '}',
        '',
      ].join('\n'),
    };
  }
  const fields = message.payloadFields;
  const fieldList = fields.join(', ');
  return {
    ts: [
      "import { ProgressSocketClient } from '@bookstrack/client';",
      '',
      `const socket = new ProgressSocketClient({ baseUrl: '${SAMPLE_ORIGIN}', jobId: '${jobId}', token: '${SAMPLE_TOKEN}' });`,
      `socket.on('${message.name}', (frame) => {`,
      ...(fields.length
        ? [`  const { ${fieldList} } = frame.payload;`, `  console.log(frame.seq, ${fieldList});`]
        : ['  console.log(frame.seq, frame.payload);']),
      '});',
      'socket.connect();',
      '',
    ].join('\n'),
    swift: [
      'import Foundation',
      'import BooksTrackContract',
      '',
      'func handle(frame text: String) throws {',
      '    switch try JSONDecoder.bookstrack.decode(ServerMessage.self, from: Data(text.utf8)) {',
      `    case .${swiftCase(message.name)}(let message):`,
      `        print(message.seq, ${fields.map((field) => `message.payload.${field}`).join(', ') || 'message.payload'})`,
      '    default:',
      '        break',
      '    }',
      '}',
      '',
    ].join('\n'),
  };
}
