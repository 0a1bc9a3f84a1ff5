// Walks a bundled OpenAPI document into a flat list of operations with their JSON schemas,
// resolving `#/components/responses/X` and `#/components/requestBodies/X` refs on the way.
import { resolvePointer } from '../core/json-pointer';
import { isSchema, type JsonSchema } from './json-schema';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface MediaSchema {
  contentType: string;
  /** Schema of a JSON media type; undefined for bodies the server reads as text or form data. */
  schema: JsonSchema | undefined;
  examples: unknown[];
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  requestBody: MediaSchema[];
  responses: { status: string; content: MediaSchema[] }[];
}

export const isJsonMediaType = (type: string): boolean => /^application\/(?:[\w.+-]+\+)?json$/.test(type);

function deref(document: JsonSchema, node: unknown, where: string): JsonSchema {
  let current = node;
  for (let hops = 0; isSchema(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 8 || !current.$ref.startsWith('#')) throw new Error(`${where}: unresolvable $ref ${current.$ref}`);
    current = resolvePointer(document, current.$ref.slice(1), where);
  }
  if (!isSchema(current)) throw new Error(`${where}: not an object`);
  return current;
}

function mediaSchemas(content: unknown): MediaSchema[] {
  if (!isSchema(content)) return [];
  return Object.entries(content).map(([contentType, media]) => {
    const entry = isSchema(media) ? media : {};
    const examples = isSchema(entry.examples)
      ? Object.values(entry.examples)
          .filter(isSchema)
          .map((example) => example.value)
      : 'example' in entry
        ? [entry.example]
        : [];
    const schema = isJsonMediaType(contentType) && isSchema(entry.schema) ? entry.schema : undefined;
    return { contentType, schema, examples };
  });
}

export function listOperations(document: JsonSchema): OperationInfo[] {
  const paths = isSchema(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, item]) => {
    const pathItem = deref(document, item, path);
    return METHODS.filter((method) => isSchema(pathItem[method])).map((method) => {
      const op = pathItem[method] as JsonSchema;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof op.operationId !== 'string') throw new Error(`${where}: missing operationId`);
      const body = op.requestBody === undefined ? undefined : deref(document, op.requestBody, where);
      const responses = Object.entries(isSchema(op.responses) ? op.responses : {}).map(([status, response]) => ({
        status,
        content: mediaSchemas(deref(document, response, `${where} ${status}`).content),
      }));
      return {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        requestBody: mediaSchemas(body?.content),
        responses,
      };
    });
  });
}

/** `/api/job-state/{jobId}` → `/api/job-state/:jobId` (Hono route syntax). */
export function honoPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
