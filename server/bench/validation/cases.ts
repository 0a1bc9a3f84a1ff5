// The validation bench's cases, read from the bundled contracts so the worker (zod and fast guards)
// and the Node side (ajv standalone build) agree on them: every validator a hot path runs, with the
// spec's examples of it as the samples. Frames get one line per message type.
import { CLIENT_MESSAGE_TYPES } from '@bookstrack/generated/constants';

type Json = Record<string, unknown>;

export type BenchTarget =
  | { kind: 'schema'; name: string }
  | { kind: 'request'; operationId: string }
  | { kind: 'response'; operationId: string; status: string };

export interface BenchCase {
  key: string;
  /** Which hot path runs this validator. */
  path: 'outgoing frame' | 'client frame' | 'request body' | 'response';
  target: BenchTarget;
  /** Name of the ajv standalone export for the same schema. */
  ajvExport: string;
  samples: unknown[];
}

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function deref(document: Json, node: unknown): Json {
  if (isJson(node) && typeof node.$ref === 'string') {
    const target = node.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (isJson(at) ? at[key] : undefined), document);
    return deref(document, target);
  }
  return isJson(node) ? node : {};
}

function examplesOf(media: Json): unknown[] {
  if (isJson(media.examples))
    return Object.values(media.examples)
      .filter(isJson)
      .map((example) => example.value);
  return 'example' in media ? [media.example] : [];
}

export const ajvExportOf = (target: BenchTarget): string =>
  target.kind === 'schema'
    ? `schema_${target.name}`
    : target.kind === 'request'
      ? `request_${target.operationId}`
      : `response_${target.operationId}_${target.status}`;

function frameCases(asyncapi: Json): BenchCase[] {
  const byType = new Map<string, unknown[]>();
  for (const channel of Object.values(isJson(asyncapi.channels) ? asyncapi.channels : {}).filter(isJson)) {
    for (const message of Object.values(isJson(channel.messages) ? channel.messages : {}).filter(isJson)) {
      for (const example of (Array.isArray(message.examples) ? message.examples : []).filter(isJson)) {
        const type = isJson(example.payload) ? String(example.payload.type) : '';
        byType.set(type, [...(byType.get(type) ?? []), example.payload]);
      }
    }
  }
  const client = [...byType].filter(([type]) => (CLIENT_MESSAGE_TYPES as readonly string[]).includes(type));
  const server = [...byType].filter(([type]) => !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type));
  const clientTarget: BenchTarget = { kind: 'schema', name: 'ClientMessage' };
  const serverTarget: BenchTarget = { kind: 'schema', name: 'ServerMessage' };
  return [
    ...server.map(([type, samples]) => ({
      key: `ServerMessage ${type}`,
      path: 'outgoing frame' as const,
      target: serverTarget,
      ajvExport: ajvExportOf(serverTarget),
      samples,
    })),
    {
      key: 'ClientMessage',
      path: 'client frame',
      target: clientTarget,
      ajvExport: ajvExportOf(clientTarget),
      samples: client.flatMap(([, samples]) => samples),
    },
  ];
}

function operationCases(openapi: Json): BenchCase[] {
  const cases: BenchCase[] = [];
  const errorSamples: unknown[] = [];
  for (const item of Object.values(isJson(openapi.paths) ? openapi.paths : {}).filter(isJson)) {
    for (const method of HTTP_METHODS.filter((name) => isJson(item[name]))) {
      const op = item[method] as Json;
      const operationId = String(op.operationId);
      const body = deref(openapi, op.requestBody);
      const json = isJson(body.content) ? deref(openapi, body.content['application/json']) : {};
      if (isJson(json.schema)) {
        const target: BenchTarget = { kind: 'request', operationId };
        cases.push({
          key: `${operationId} request`,
          path: 'request body',
          target,
          ajvExport: ajvExportOf(target),
          samples: examplesOf(json),
        });
      }
      for (const [status, response] of Object.entries(isJson(op.responses) ? op.responses : {})) {
        const resolved = deref(openapi, response);
        const media = isJson(resolved.content) ? resolved.content['application/json'] : undefined;
        if (!isJson(media) || !isJson(media.schema)) continue;
        if (!status.startsWith('2')) errorSamples.push(...examplesOf(media));
        // The bundled documents' own responses are open records: nothing to measure.
        else if (!operationId.endsWith('Document')) {
          const target: BenchTarget = { kind: 'response', operationId, status };
          cases.push({
            key: `${operationId} ${status}`,
            path: 'response',
            target,
            ajvExport: ajvExportOf(target),
            samples: examplesOf(media),
          });
        }
      }
    }
  }
  const unique = [...new Map(errorSamples.map((sample) => [JSON.stringify(sample), sample])).values()];
  const errorTarget: BenchTarget = { kind: 'schema', name: 'ErrorEnvelope' };
  cases.push({
    key: 'ErrorEnvelope (4xx/5xx)',
    path: 'response',
    target: errorTarget,
    ajvExport: ajvExportOf(errorTarget),
    samples: unique,
  });
  return cases;
}

export function listBenchCases(openapi: Json, asyncapi: Json): BenchCase[] {
  return [...frameCases(asyncapi), ...operationCases(openapi)].filter((entry) => entry.samples.length > 0);
}
