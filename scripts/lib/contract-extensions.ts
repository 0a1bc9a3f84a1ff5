// Reads the listed x- extensions (spec/README.md) out of the bundled documents, checking their
// shape, so emit-constants works from typed values and never from literals in this script.
import { z } from 'zod';
import { isSchema, type JsonSchema } from './json-schema';
import type { SchemaMap } from './schema-files';

const Reconnect = z.enum(['none', 'after_delay', 'backoff', 'new_token']);

const CloseCode = z
  .object({
    code: z.int(),
    name: z.string().regex(/^[a-z][A-Za-z]*$/),
    /** `server`: this server closes with it; `platform`: Cloudflare ends the connection, the server sends nothing. */
    sentBy: z.enum(['server', 'platform']),
    when: z.string(),
    clientAction: z.string(),
    reconnect: Reconnect,
    retryAfterMs: z.int().optional(),
    /** Upper bound of a random delay a client adds to retryAfterMs. */
    retryJitterMs: z.int().optional(),
    /** A reason whose client reaction differs from the code's `reconnect`. */
    reasonReconnect: z.record(z.string(), Reconnect).optional(),
    reasons: z.array(z.string().min(1)),
  })
  .strict()
  .superRefine((entry, context) => {
    for (const reason of Object.keys(entry.reasonReconnect ?? {}))
      if (!entry.reasons.includes(reason))
        context.addIssue({
          code: 'custom',
          message: `close code ${entry.code}: reasonReconnect names ${reason}, which it does not list`,
        });
    if (entry.sentBy === 'platform' && entry.reasons.length > 0)
      context.addIssue({ code: 'custom', message: `close code ${entry.code}: a platform code lists no reasons` });
  });
export type CloseCode = z.infer<typeof CloseCode>;

const TokenPolicy = z.object({ overrideVars: z.record(z.string(), z.string()) }).catchall(z.number());
const Subprotocol = z.record(z.string(), z.string());
const Limits = z.record(z.string(), z.number());
const RateLimit = z.record(z.string(), z.union([z.string(), z.number()]));

export interface ContractExtensions {
  contractVersion: string;
  tokenPolicy: Record<string, number>;
  /** Policy key → server var that overrides it (local tests only). */
  tokenPolicyVars: Record<string, string>;
  closeCodes: CloseCode[];
  subprotocol: Record<string, string>;
  httpLimits: Record<string, number>;
  wsLimits: Record<string, number>;
  rateLimit: Record<string, string | number>;
  errorCodes: string[];
  errorStatus: Record<string, number>;
  /** The named examples of the WWW-Authenticate header: the exact challenges a 401 carries. */
  authChallenges: Record<string, string>;
  pipelines: string[];
  /** JobStatus values that end a job (JobStatus x-terminal), in enum order. */
  terminalJobStatuses: string[];
  clientMessageTypes: string[];
  serverMessageTypes: string[];
  /** ServerMessage members marked x-per-connection: replies to one socket that do not advance seq. */
  perConnectionMessageTypes: string[];
}

const HeaderExamples = z.record(z.string(), z.object({ value: z.string() }));

function authChallenges(openapi: JsonSchema): Record<string, string> {
  const headers = object(object(openapi.components, 'openapi components').headers, 'components.headers');
  const header = object(headers['WWW-Authenticate'], 'the WWW-Authenticate header');
  const pattern = new RegExp(String(object(header.schema, 'WWW-Authenticate schema').pattern));
  const examples = HeaderExamples.parse(header.examples);
  for (const [name, { value }] of Object.entries(examples))
    if (!pattern.test(value)) throw new Error(`WWW-Authenticate example ${name} does not match its pattern`);
  return Object.fromEntries(Object.entries(examples).map(([name, { value }]) => [name, value]));
}

export function readExtensions(openapi: JsonSchema, asyncapi: JsonSchema, schemas: SchemaMap): ContractExtensions {
  const info = object(asyncapi.info, 'asyncapi info');
  const version = String(info.version);
  if (object(openapi.info, 'openapi info').version !== version)
    throw new Error('openapi and asyncapi info.version differ');
  const policy = TokenPolicy.parse(info['x-token-policy']);
  const { overrideVars, ...tokenPolicy } = policy;
  const channel = findOne(Object.values(object(asyncapi.channels, 'channels')), 'x-close-codes', 'channel');
  const scheme = findOne(
    Object.values(object(object(asyncapi.components, 'components').securitySchemes, 'securitySchemes')),
    'x-subprotocol',
    'security scheme',
  );
  const errorCode = object(schemas.get('ErrorCode'), 'ErrorCode schema');
  return {
    contractVersion: version,
    tokenPolicy,
    tokenPolicyVars: policyVars(tokenPolicy, overrideVars),
    closeCodes: z.array(CloseCode).parse(channel['x-close-codes']),
    subprotocol: Subprotocol.parse(scheme['x-subprotocol']),
    httpLimits: Limits.parse(object(openapi.info, 'openapi info')['x-limits']),
    wsLimits: Limits.parse(channel['x-limits']),
    rateLimit: sameRateLimit(openapi),
    errorCodes: z.array(z.string()).parse(errorCode.enum),
    errorStatus: z.record(z.string(), z.int()).parse(errorCode['x-error-status']),
    authChallenges: authChallenges(openapi),
    pipelines: z.array(z.string()).parse(object(schemas.get('PipelineType'), 'PipelineType schema').enum),
    terminalJobStatuses: terminalStatuses(object(schemas.get('JobStatus'), 'JobStatus schema')),
    clientMessageTypes: unionTags(schemas, 'ClientMessage'),
    serverMessageTypes: unionTags(schemas, 'ServerMessage'),
    perConnectionMessageTypes: unionTags(
      schemas,
      'ServerMessage',
      (member) => z.literal(true).optional().parse(member['x-per-connection']) === true,
    ),
  };
}

function object(value: unknown, what: string): JsonSchema {
  if (!isSchema(value)) throw new Error(`${what} is missing or not an object`);
  return value;
}

function findOne(candidates: unknown[], key: string, what: string): JsonSchema {
  const found = candidates.filter((candidate) => isSchema(candidate) && key in candidate) as JsonSchema[];
  if (found.length !== 1) throw new Error(`expected exactly one ${what} with ${key}, found ${found.length}`);
  return found[0]!;
}

/** overrideVars may map policy key → var or var → policy key; both read the same. */
function policyVars(policy: Record<string, number>, vars: Record<string, string>): Record<string, string> {
  const entries = Object.entries(vars);
  if (entries.every(([key]) => key in policy)) return vars;
  if (entries.every(([, value]) => value in policy)) return Object.fromEntries(entries.map(([v, key]) => [key, v]));
  throw new Error('x-token-policy.overrideVars must map policy keys to variable names');
}

/** Every job-start operation carries x-rate-limit; they must agree, since one limiter serves all. */
function sameRateLimit(openapi: JsonSchema): Record<string, string | number> {
  const found = Object.values(object(openapi.paths, 'paths')).flatMap(
    (item) =>
      Object.values(object(item, 'path item')).filter((op) => isSchema(op) && 'x-rate-limit' in op) as JsonSchema[],
  );
  const limits = found.map((op) => RateLimit.parse(op['x-rate-limit']));
  const [first] = limits;
  if (!first) throw new Error('no operation carries x-rate-limit');
  if (limits.some((limit) => JSON.stringify(limit) !== JSON.stringify(first)))
    throw new Error('x-rate-limit differs between operations');
  return first;
}

/** x-terminal lists some JobStatus values; returned in enum order so the constant reads like the enum. */
function terminalStatuses(jobStatus: JsonSchema): string[] {
  const statuses = z.array(z.string()).parse(jobStatus.enum);
  const terminal = z.array(z.string()).min(1).parse(jobStatus['x-terminal']);
  const unknown = terminal.filter((status) => !statuses.includes(status));
  if (unknown.length > 0) throw new Error(`JobStatus x-terminal names values outside the enum: ${unknown.join(', ')}`);
  if (terminal.length === statuses.length)
    throw new Error('JobStatus x-terminal lists every status; a job must be able to run');
  return statuses.filter((status) => terminal.includes(status));
}

/** The `type` const of each member of a message union (those `isIncluded` accepts), in oneOf order. */
function unionTags(
  schemas: SchemaMap,
  union: string,
  isIncluded: (member: JsonSchema) => boolean = () => true,
): string[] {
  const members = z.array(z.object({ $ref: z.string() })).parse(object(schemas.get(union), union).oneOf);
  return members.flatMap(({ $ref }) => {
    const name = /([^/]+)\.ya?ml$/.exec($ref)?.[1] ?? '';
    const member = object(schemas.get(name), name);
    if (!isIncluded(member)) return [];
    const properties = object(member.properties, `${name}.properties`);
    return [z.string().parse(object(properties.type, `${name}.properties.type`).const)];
  });
}
