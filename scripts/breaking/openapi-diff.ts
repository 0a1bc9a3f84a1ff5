// Breaking changes between two dereferenced OpenAPI documents, per operation: a removed operation,
// new required parameters or body, narrowed request schemas, removed content types, and on the
// response side removed statuses, content types, headers and fields.
import type { BreakingChange } from './change';
import { diffSchema, type OriginOf } from './schema-diff';
import { isSchema, type Schema } from './schema-keywords';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const record = (value: unknown): Schema => (isSchema(value) ? value : {});

function operationsOf(document: unknown): Map<string, Schema> {
  const operations = new Map<string, Schema>();
  for (const [path, item] of Object.entries(record(record(document).paths))) {
    for (const method of METHODS) {
      const operation = record(item)[method];
      if (isSchema(operation))
        operations.set(`${method.toUpperCase()} ${path}`, {
          ...operation,
          parameters: [...list(record(item).parameters), ...list(operation.parameters)],
        });
    }
  }
  return operations;
}

function list(value: unknown): Schema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}

function parametersOf(operation: Schema): Map<string, Schema> {
  return new Map(list(operation.parameters).map((parameter) => [`${parameter.in} ${parameter.name}`, parameter]));
}

function isAnonymous(operation: Schema, document: unknown): boolean {
  const security = operation.security ?? record(document).security;
  return (
    !Array.isArray(security) ||
    security.length === 0 ||
    security.some((requirement) => Object.keys(record(requirement)).length === 0)
  );
}

function requestChanges(before: Schema, after: Schema, at: string, originOf: OriginOf): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const wasParameters = parametersOf(before);
  for (const [key, parameter] of parametersOf(after)) {
    const was = wasParameters.get(key);
    if (parameter.required === true && was?.required !== true)
      changes.push({ location: `${at} parameter ${key}`, message: 'new required parameter' });
    if (was) changes.push(...diffSchema(was.schema, parameter.schema, 'request', `${at} parameter ${key}`, originOf));
  }
  const wasBody = record(before.requestBody);
  const nowBody = record(after.requestBody);
  if (nowBody.required === true && wasBody.required !== true)
    changes.push({ location: `${at} request body`, message: 'request body is now required' });
  const nowContent = record(nowBody.content);
  for (const [type, media] of Object.entries(record(wasBody.content))) {
    const now = nowContent[type];
    if (!isSchema(now))
      changes.push({ location: `${at} request body`, message: `content type ${type} no longer accepted` });
    else
      changes.push(...diffSchema(record(media).schema, now.schema, 'request', `${at} request ${type} body`, originOf));
  }
  return changes;
}

function responseChanges(before: Schema, after: Schema, at: string, originOf: OriginOf): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const nowResponses = record(after.responses);
  for (const [status, response] of Object.entries(record(before.responses))) {
    const now = nowResponses[status];
    if (!isSchema(now)) {
      changes.push({ location: `${at} ${status}`, message: `response status ${status} removed` });
      continue;
    }
    const nowHeaders = record(now.headers);
    for (const header of Object.keys(record(record(response).headers))) {
      if (!(header in nowHeaders))
        changes.push({ location: `${at} ${status}`, message: `response header ${header} removed` });
    }
    const nowContent = record(now.content);
    for (const [type, media] of Object.entries(record(record(response).content))) {
      const nowMedia = nowContent[type];
      if (!isSchema(nowMedia))
        changes.push({ location: `${at} ${status}`, message: `response content type ${type} removed` });
      else
        changes.push(
          ...diffSchema(record(media).schema, nowMedia.schema, 'response', `${at} ${status} ${type}`, originOf),
        );
    }
  }
  return changes;
}

export function diffOpenApi(before: unknown, after: unknown, originOf: OriginOf = () => undefined): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const nowOperations = operationsOf(after);
  for (const [at, operation] of operationsOf(before)) {
    const now = nowOperations.get(at);
    if (!now) {
      changes.push({ location: at, message: `operation ${String(operation.operationId ?? at)} removed` });
      continue;
    }
    if (isAnonymous(operation, before) && !isAnonymous(now, after))
      changes.push({ location: at, message: 'operation now requires authentication' });
    changes.push(...requestChanges(operation, now, at, originOf), ...responseChanges(operation, now, at, originOf));
  }
  return changes;
}
