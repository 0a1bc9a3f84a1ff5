// Apps built on a released contract, decoding what the current contract says the server sends. A
// release keeps its client artefacts in releases/X.Y.Z/client/: the web client's tolerant readers
// (readers.ts, as generated/ had it) and the Swift models' decoding rules
// (swift-decoding-rules.json). Every response example, server message example and example of a
// schema a client receives is decoded with both; a failure is an app of that release broken by the
// current contract. An enum value the release does not know is fine (it reads as unknown) unless
// the contract also dropped a value the release knew: then it is a renamed or replaced value, and
// the app loses the case it handles.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { isSchema, refTypeName, type JsonSchema } from '../lib/json-schema';
import { listOperations } from '../lib/openapi-operations';
import type { SchemaMap } from '../lib/schema-files';
import type { SwiftDecodingRules } from '../lib/swift-decoding-rules';
import { swiftTypeName } from '../lib/swift-names';
import { releaseDir } from './releases';
import { SwiftRulesDecoder, type UnknownValue } from './swift-rules-decoder';

export const CLIENT_DIR = 'client';
/** generated/ path → file name in releases/X.Y.Z/client/. */
export const CLIENT_ARTEFACTS = [
  { generated: 'readers.ts', released: 'readers.ts' },
  { generated: 'swift/decoding-rules.json', released: 'swift-decoding-rules.json' },
] as const;

type Reader = z.ZodType;
export type ReaderModule = Record<string, unknown> & {
  RESPONSES?: Record<string, Record<string, Reader | undefined>>;
};

export interface ReleasedClient {
  version: string;
  readers: ReaderModule;
  swift: SwiftDecodingRules;
}

/** Copies the client artefacts of generated/ into releases/<version>/client/ (`npm run release`). */
export function writeClientArtefacts(repo: string, version: string): void {
  const target = join(releaseDir(repo, version), CLIENT_DIR);
  mkdirSync(target, { recursive: true });
  for (const { generated, released } of CLIENT_ARTEFACTS)
    copyFileSync(join(repo, 'generated', generated), join(target, released));
}

export function hasClientArtefacts(repo: string, version: string): boolean {
  return CLIENT_ARTEFACTS.every(({ released }) => existsSync(join(releaseDir(repo, version), CLIENT_DIR, released)));
}

/** The released readers (imported from their .ts file; they need only zod) and Swift rules. */
export async function loadReleasedClient(repo: string, version: string): Promise<ReleasedClient> {
  const dir = join(releaseDir(repo, version), CLIENT_DIR);
  const readers = (await import(pathToFileURL(join(dir, 'readers.ts')).href)) as ReaderModule;
  const swift = JSON.parse(readFileSync(join(dir, 'swift-decoding-rules.json'), 'utf8')) as SwiftDecodingRules;
  return { version, readers, swift };
}

/** A value the current contract says a client receives. */
export interface Received {
  /** Where the contract states it, e.g. `getJobState 200 example #0`, `message job_progress #1`. */
  source: string;
  value: unknown;
  /** How an app decodes it: by operation and status, as a server frame, or as a named schema. */
  as: { response: { operationId: string; status: string } } | { frame: true } | { schema: string };
}

const refsIn = (node: unknown, found: Set<string>): void => {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
  else if (isSchema(node))
    for (const [key, inner] of Object.entries(node))
      if (key === '$ref' && typeof inner === 'string') {
        try {
          found.add(refTypeName(inner));
        } catch {
          // A pointer into the document itself (not a schema): nothing to follow.
        }
      } else refsIn(inner, found);
};

function reachable(roots: Set<string>, schemas: SchemaMap): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name) || !schemas.has(name)) continue;
    seen.add(name);
    const inner = new Set<string>();
    refsIn(schemas.get(name), inner);
    queue.push(...inner);
  }
  return seen;
}

const messagesOf = (asyncapi: JsonSchema): JsonSchema[] =>
  Object.values(isSchema(asyncapi.channels) ? asyncapi.channels : {})
    .filter(isSchema)
    .flatMap((channel) => Object.values(isSchema(channel.messages) ? channel.messages : {}).filter(isSchema));

const tagOf = (payload: unknown): string | undefined =>
  isSchema(payload) && typeof payload.type === 'string' ? payload.type : undefined;

/**
 * Every example of the current contract that a client receives: responses, messages the server
 * sends (not `clientMessageTypes`), and the examples of every schema reachable from those.
 */
export function receivedExamples(
  schemas: SchemaMap,
  openapi: JsonSchema,
  asyncapi: JsonSchema,
  clientMessageTypes: readonly string[],
): Received[] {
  const received: Received[] = [];
  const roots = new Set<string>();
  for (const op of listOperations(openapi))
    for (const { status, content } of op.responses)
      for (const media of content) {
        if (!media.schema) continue;
        refsIn(media.schema, roots);
        media.examples.forEach((value, i) =>
          received.push({
            source: `${op.operationId} ${status} example #${i}`,
            value,
            as: { response: { operationId: op.operationId, status } },
          }),
        );
      }
  for (const message of messagesOf(asyncapi)) {
    const examples = (Array.isArray(message.examples) ? message.examples : []).filter(isSchema);
    const sent = examples.filter((example) => !clientMessageTypes.includes(tagOf(example.payload) ?? ''));
    if (sent.length === 0) continue;
    refsIn(message.payload, roots);
    sent.forEach((example, i) =>
      received.push({ source: `message ${String(message.name)} #${i}`, value: example.payload, as: { frame: true } }),
    );
  }
  for (const name of reachable(roots, schemas)) {
    const examples = schemas.get(name)?.examples;
    (Array.isArray(examples) ? examples : []).forEach((value, i) =>
      received.push({ source: `schema ${name} example #${i}`, value, as: { schema: name } }),
    );
  }
  return received;
}

function readerIssue(reader: Reader, value: unknown): string | undefined {
  const result = reader.safeParse(value);
  if (result.success) return undefined;
  return result.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .slice(0, 3)
    .join('; ');
}

/** The reader and Swift type a released app decodes `item` with; undefined when it never receives it. */
function decoders(
  client: ReleasedClient,
  item: Received,
): { reader?: Reader; swift?: { type: string; envelope: boolean } } {
  const { readers, swift } = client;
  if ('schema' in item.as) {
    const reader = readers[item.as.schema] as Reader | undefined;
    const type = swiftTypeName(item.as.schema);
    return { reader, swift: swift.types[type] ? { type, envelope: false } : undefined };
  }
  if ('frame' in item.as) {
    const tag = tagOf(item.value);
    const union = swift.serverMessages ? swift.types[swift.serverMessages] : undefined;
    // A frame type the release does not know is an `unknown` event to both clients: allowed.
    if (!union || union.kind !== 'union' || tag === undefined || !(tag in union.members)) return {};
    return {
      reader: readers.ServerMessage as Reader | undefined,
      swift: { type: swift.serverMessages!, envelope: false },
    };
  }
  const { operationId, status } = item.as.response;
  const released = readers.RESPONSES?.[operationId];
  // An operation the release does not have: its apps never call it.
  if (!released) return {};
  const isError = Number(status) >= 400;
  const reader = status in released ? released[status] : isError ? (readers.ErrorEnvelope as Reader) : undefined;
  const rule =
    swift.responses[operationId]?.[status] ?? (isError ? { type: 'ErrorEnvelope', envelope: false } : undefined);
  return { reader, swift: rule?.type ? { type: rule.type, envelope: rule.envelope } : undefined };
}

function renamedEnumProblem(
  unknown: UnknownValue,
  client: ReleasedClient,
  current: SwiftDecodingRules,
): string | undefined {
  const released = client.swift.types[unknown.type];
  const now = current.types[unknown.type];
  if (released?.kind !== 'enum' || now?.kind !== 'enum') return undefined;
  const dropped = released.values.filter((value) => !now.values.includes(value));
  if (dropped.length === 0) return undefined;
  return (
    `${unknown.path}: ${JSON.stringify(unknown.value)} reads as unknown in ${client.version}'s ${unknown.type}, ` +
    `and the contract dropped ${dropped.map((value) => JSON.stringify(value)).join(', ')} that ${client.version} handles: ` +
    'a renamed or replaced enum value'
  );
}

export interface OldClientReport {
  /** Why apps built on the release break on the current contract; empty when none do. */
  problems: string[];
  /** How many received values each client of the release decoded (the rest it never receives). */
  decoded: { readers: number; swift: number };
  /** Received values the release's Swift models have no type for (free-form JSON such as the bundles). */
  notDecodedBySwift: string[];
  /** Received values of operations, frame types and schemas added since the release: its apps never see them. */
  newSinceRelease: string[];
}

export function oldClientReport(
  client: ReleasedClient,
  received: Received[],
  current: SwiftDecodingRules,
): OldClientReport {
  const problems: string[] = [];
  const decoded = { readers: 0, swift: 0 };
  const notDecodedBySwift: string[] = [];
  const newSinceRelease: string[] = [];
  const swift = new SwiftRulesDecoder(client.swift);
  for (const item of received) {
    const { reader, swift: rule } = decoders(client, item);
    if (!reader && !rule) newSinceRelease.push(item.source);
    if (reader) {
      decoded.readers++;
      const issue = readerIssue(reader, item.value);
      if (issue) problems.push(`${item.source}: the ${client.version} web readers reject it: ${issue}`);
    }
    if (!rule) {
      if (reader) notDecodedBySwift.push(item.source);
      continue;
    }
    decoded.swift++;
    const result = swift.decode(rule.type, item.value, { envelope: rule.envelope });
    if (!result.ok) {
      problems.push(`${item.source}: the ${client.version} Swift models fail to decode it: ${result.error}`);
      continue;
    }
    for (const unknown of result.unknowns) {
      const renamed = renamedEnumProblem(unknown, client, current);
      if (renamed) problems.push(`${item.source}: ${renamed}`);
    }
  }
  return { problems, decoded, notDecodedBySwift, newSinceRelease };
}
