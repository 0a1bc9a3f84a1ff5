// Changes between two dereferenced OpenAPI documents, per operation. Breaking: a removed operation,
// new required parameters or body, narrowed request schemas, removed content types, and on the
// response side removed statuses, content types, headers and fields. Additive: the mirror images (new
// operations, optional parameters, statuses, headers, content types, fields). Docs: prose and examples.
import { breakingOnly, withSubject, type BreakingChange, type Change } from './change';
import { docChanges } from './docs-diff';
import { classifySchema, type OriginOf } from './schema-diff';
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

function parameterChanges(before: Schema, after: Schema, at: string, originOf: OriginOf): Change[] {
  const changes: Change[] = [];
  const wasParameters = parametersOf(before);
  for (const [key, parameter] of parametersOf(after)) {
    const was = wasParameters.get(key);
    const location = `${at} parameter ${key}`;
    if (parameter.required === true && was?.required !== true)
      changes.push({ kind: 'breaking', location, message: 'new required parameter' });
    else if (!was) changes.push({ kind: 'additive', location, message: 'new optional parameter' });
    else if (was.required === true && parameter.required !== true)
      changes.push({ kind: 'additive', location, message: 'parameter is now optional' });
    if (was) changes.push(...classifySchema(was.schema, parameter.schema, 'request', location, originOf));
  }
  return changes;
}

function requestChanges(before: Schema, after: Schema, at: string, originOf: OriginOf): Change[] {
  const changes = parameterChanges(before, after, at, originOf);
  const wasBody = record(before.requestBody);
  const nowBody = record(after.requestBody);
  const location = `${at} request body`;
  if (nowBody.required === true && wasBody.required !== true)
    changes.push({ kind: 'breaking', location, message: 'request body is now required' });
  if (wasBody.required === true && nowBody.required !== true)
    changes.push({ kind: 'additive', location, message: 'request body is now optional' });
  const wasContent = record(wasBody.content);
  const nowContent = record(nowBody.content);
  for (const [type, media] of Object.entries(wasContent)) {
    const now = nowContent[type];
    if (!isSchema(now))
      changes.push({ kind: 'breaking', location, message: `content type ${type} no longer accepted` });
    else
      changes.push(
        ...classifySchema(record(media).schema, now.schema, 'request', `${at} request ${type} body`, originOf),
      );
  }
  for (const type of Object.keys(nowContent))
    if (!(type in wasContent))
      changes.push({ kind: 'additive', location, message: `content type ${type} now accepted` });
  return changes;
}

/** Names present in `after` only, as additive changes. */
function added(before: Schema, after: Schema, location: string, what: string): Change[] {
  return Object.keys(after)
    .filter((name) => !(name in before))
    .map((name) => ({ kind: 'additive' as const, location, message: `${what} ${name} added` }));
}

function statusChanges(response: Schema, now: Schema, at: string, originOf: OriginOf): Change[] {
  const changes: Change[] = [];
  const [wasHeaders, nowHeaders] = [record(response.headers), record(now.headers)];
  for (const header of Object.keys(wasHeaders)) {
    if (!(header in nowHeaders))
      changes.push({ kind: 'breaking', location: at, message: `response header ${header} removed` });
  }
  changes.push(...added(wasHeaders, nowHeaders, at, 'response header'));
  const [wasContent, nowContent] = [record(response.content), record(now.content)];
  for (const [type, media] of Object.entries(wasContent)) {
    const nowMedia = nowContent[type];
    if (!isSchema(nowMedia))
      changes.push({ kind: 'breaking', location: at, message: `response content type ${type} removed` });
    else changes.push(...classifySchema(record(media).schema, nowMedia.schema, 'response', `${at} ${type}`, originOf));
  }
  changes.push(...added(wasContent, nowContent, at, 'response content type'));
  return changes;
}

function responseChanges(before: Schema, after: Schema, at: string, originOf: OriginOf): Change[] {
  const changes: Change[] = [];
  const [wasResponses, nowResponses] = [record(before.responses), record(after.responses)];
  for (const [status, response] of Object.entries(wasResponses)) {
    const now = nowResponses[status];
    if (!isSchema(now))
      changes.push({ kind: 'breaking', location: `${at} ${status}`, message: `response status ${status} removed` });
    else changes.push(...statusChanges(record(response), now, `${at} ${status}`, originOf));
  }
  changes.push(...added(wasResponses, nowResponses, at, 'response status'));
  return changes;
}

const subjectOf = (operation: Schema, at: string) => `operation ${String(operation.operationId ?? at)}`;

function operationChanges(
  [operation, now]: [Schema, Schema],
  [before, after]: [unknown, unknown],
  at: string,
  originOf: OriginOf,
): Change[] {
  const changes: Change[] = [];
  if (isAnonymous(operation, before) && !isAnonymous(now, after))
    changes.push({ kind: 'breaking', location: at, message: 'operation now requires authentication' });
  if (!isAnonymous(operation, before) && isAnonymous(now, after))
    changes.push({ kind: 'additive', location: at, message: 'operation no longer requires authentication' });
  changes.push(...requestChanges(operation, now, at, originOf), ...responseChanges(operation, now, at, originOf));
  changes.push(...docChanges(operation, now, at));
  return changes;
}

/** Every breaking, additive and docs change, each with its operation as subject. */
export function classifyOpenApi(before: unknown, after: unknown, originOf: OriginOf = () => undefined): Change[] {
  const changes: Change[] = [];
  const [wasOperations, nowOperations] = [operationsOf(before), operationsOf(after)];
  for (const [at, operation] of wasOperations) {
    const now = nowOperations.get(at);
    const subject = subjectOf(operation, at);
    if (!now) {
      const message = `operation ${String(operation.operationId ?? at)} removed`;
      changes.push({ kind: 'breaking', location: at, message, subject });
    } else changes.push(...withSubject(subject, operationChanges([operation, now], [before, after], at, originOf)));
  }
  for (const [at, operation] of nowOperations) {
    if (!wasOperations.has(at))
      changes.push({
        kind: 'additive',
        location: at,
        message: `operation ${String(operation.operationId ?? at)} added`,
        subject: subjectOf(operation, at),
      });
  }
  return changes;
}

export function diffOpenApi(before: unknown, after: unknown, originOf: OriginOf = () => undefined): BreakingChange[] {
  return breakingOnly(classifyOpenApi(before, after, originOf));
}
