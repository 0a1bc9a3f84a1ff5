// Changes between two dereferenced AsyncAPI 3 documents (written from the server's view): messages the
// server receives are requests, messages it sends are responses. A removed message type, channel or
// close code breaks clients, as do the schema changes of schema-diff.ts in each direction; new ones
// are additive; prose and examples are docs. Each change names its message or channel as subject.
import { breakingOnly, withSubject, type BreakingChange, type Change, type Direction } from './change';
import { classifyCloseCodes } from './close-codes-diff';
import { leafChanges } from './document-diff';
import { docChanges } from './docs-diff';
import { classifySchema, type OriginOf } from './schema-diff';
import { isSchema, propertiesOf, same, type Schema } from './schema-keywords';

const record = (value: unknown): Schema => (isSchema(value) ? value : {});

interface MessageUse {
  direction: Direction;
  message: Schema;
}

/** A message's wire name: the `type` tag const of its payload, else its `name`. */
export function messageType(message: Schema): string | undefined {
  const tag = propertiesOf(record(message.payload)).type?.const;
  if (typeof tag === 'string') return tag;
  return typeof message.name === 'string' ? message.name : undefined;
}

function messagesOf(document: unknown): Map<string, MessageUse> {
  const uses = new Map<string, MessageUse>();
  for (const operation of Object.values(record(record(document).operations))) {
    const direction: Direction = record(operation).action === 'receive' ? 'request' : 'response';
    for (const message of Array.isArray(record(operation).messages) ? (record(operation).messages as unknown[]) : []) {
      const type = isSchema(message) ? messageType(message) : undefined;
      if (type && isSchema(message)) uses.set(type, { direction, message });
    }
  }
  for (const channel of Object.values(record(record(document).channels))) {
    for (const message of Object.values(record(record(channel).messages))) {
      const type = isSchema(message) ? messageType(message) : undefined;
      if (type && isSchema(message) && !uses.has(type)) uses.set(type, { direction: 'response', message });
    }
  }
  return uses;
}

/** A channel without its messages (compared one by one), for the docs diff. */
function withoutMessages(channel: Schema): Schema {
  return Object.fromEntries(Object.entries(channel).filter(([key]) => key !== 'messages'));
}

/** The channel's other keys (`x-limits`, parameters...): any non-prose difference is additive. */
function otherChannelKeys(channel: Schema): Schema {
  const judged = new Set(['messages', 'address', 'bindings', 'x-close-codes']);
  return Object.fromEntries(Object.entries(channel).filter(([key]) => !judged.has(key)));
}

function oneChannelChanges(channel: Schema, now: Schema, at: string): Change[] {
  const changes: Change[] = [];
  if (!same(channel.address, now.address))
    changes.push({
      kind: 'breaking',
      location: at,
      message: `address changed from ${JSON.stringify(channel.address)} to ${JSON.stringify(now.address)}`,
    });
  const wasWs = record(record(channel.bindings).ws);
  const nowWs = record(record(now.bindings).ws);
  for (const part of ['query', 'headers'])
    changes.push(...classifySchema(wasWs[part], nowWs[part], 'request', `${at} ws ${part}`));
  changes.push(...classifyCloseCodes(channel['x-close-codes'], now['x-close-codes'], at));
  changes.push(...leafChanges(otherChannelKeys(channel), otherChannelKeys(now), at));
  changes.push(...docChanges(withoutMessages(channel), withoutMessages(now), at));
  return changes;
}

function channelChanges(before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  const wasChannels = record(record(before).channels);
  const nowChannels = record(record(after).channels);
  for (const [id, channel] of Object.entries(wasChannels)) {
    const now = nowChannels[id];
    const at = `channel ${id}`;
    if (!isSchema(now)) {
      const message = `channel ${id} (${String(record(channel).address)}) removed`;
      changes.push({ kind: 'breaking', location: at, message, subject: at });
    } else changes.push(...withSubject(at, oneChannelChanges(record(channel), now, at)));
  }
  for (const [id, channel] of Object.entries(nowChannels)) {
    if (!(id in wasChannels)) {
      const message = `channel ${id} (${String(record(channel).address)}) added`;
      changes.push({ kind: 'additive', location: `channel ${id}`, message, subject: `channel ${id}` });
    }
  }
  return changes;
}

function subprotocolChanges(before: unknown, after: unknown): Change[] {
  const schemesOf = (document: unknown) => record(record(record(document).components).securitySchemes);
  const nowSchemes = schemesOf(after);
  const changes: Change[] = [];
  for (const [id, scheme] of Object.entries(schemesOf(before))) {
    const now = record(nowSchemes[id]);
    for (const field of ['type', 'in', 'name']) {
      if (!same(record(scheme)[field], now[field]))
        changes.push({
          kind: 'breaking',
          subject: `security scheme ${id}`,
          location: `security scheme ${id}`,
          message: `${field} changed from ${JSON.stringify(record(scheme)[field])} to ${JSON.stringify(now[field])}`,
        });
    }
    const was = record(record(scheme)['x-subprotocol']);
    const is = record(now['x-subprotocol']);
    for (const field of ['versionProtocol', 'authPrefix']) {
      if (!same(was[field], is[field]))
        changes.push({
          kind: 'breaking',
          subject: `security scheme ${id}`,
          location: `security scheme ${id} x-subprotocol`,
          message: `${field} changed from ${JSON.stringify(was[field])} to ${JSON.stringify(is[field])}`,
        });
    }
    changes.push(...withSubject(`security scheme ${id}`, docChanges(scheme, now, `security scheme ${id}`)));
  }
  return changes;
}

const messageAt = (direction: Direction, type: string) =>
  `${direction === 'request' ? 'client→server' : 'server→client'} message ${type}`;

function messageChanges(before: unknown, after: unknown, originOf: OriginOf): Change[] {
  const changes: Change[] = [];
  const [wasMessages, nowMessages] = [messagesOf(before), messagesOf(after)];
  for (const [type, { direction, message }] of wasMessages) {
    const at = messageAt(direction, type);
    const now = nowMessages.get(type);
    const subject = `message ${type}`;
    if (!now) {
      changes.push({ kind: 'breaking', location: at, message: `message type "${type}" removed`, subject });
      continue;
    }
    const found = classifySchema(message.payload, now.message.payload, direction, `${at} payload`, originOf);
    changes.push(...withSubject(subject, [...found, ...docChanges(message, now.message, at)]));
  }
  for (const [type, { direction }] of nowMessages) {
    if (!wasMessages.has(type))
      changes.push({
        kind: 'additive',
        location: messageAt(direction, type),
        message: `message type "${type}" added`,
        subject: `message ${type}`,
      });
  }
  return changes;
}

/** Every breaking, additive and docs change, each with its message, channel or scheme as subject. */
export function classifyAsyncApi(before: unknown, after: unknown, originOf: OriginOf = () => undefined): Change[] {
  return [
    ...channelChanges(before, after),
    ...subprotocolChanges(before, after),
    ...messageChanges(before, after, originOf),
  ];
}

export function diffAsyncApi(before: unknown, after: unknown, originOf: OriginOf = () => undefined): BreakingChange[] {
  return breakingOnly(classifyAsyncApi(before, after, originOf));
}
