// Breaking changes between two dereferenced AsyncAPI 3 documents (written from the server's view):
// messages the server receives are requests, messages it sends are responses. A removed message type,
// channel or close code breaks clients, as do the schema changes of schema-diff.ts in each direction.
import type { BreakingChange, Direction } from './change';
import { diffCloseCodes } from './close-codes-diff';
import { diffSchema, type OriginOf } from './schema-diff';
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

function channelChanges(before: unknown, after: unknown): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const nowChannels = record(record(after).channels);
  for (const [id, channel] of Object.entries(record(record(before).channels))) {
    const now = nowChannels[id];
    const at = `channel ${id}`;
    if (!isSchema(now)) {
      changes.push({ location: at, message: `channel ${id} (${String(record(channel).address)}) removed` });
      continue;
    }
    if (!same(record(channel).address, now.address))
      changes.push({
        location: at,
        message: `address changed from ${JSON.stringify(record(channel).address)} to ${JSON.stringify(now.address)}`,
      });
    const wasWs = record(record(record(channel).bindings).ws);
    const nowWs = record(record(now.bindings).ws);
    for (const part of ['query', 'headers'])
      changes.push(...diffSchema(wasWs[part], nowWs[part], 'request', `${at} ws ${part}`));
    changes.push(...diffCloseCodes(record(channel)['x-close-codes'], now['x-close-codes'], at));
  }
  return changes;
}

function subprotocolChanges(before: unknown, after: unknown): BreakingChange[] {
  const schemesOf = (document: unknown) => record(record(record(document).components).securitySchemes);
  const nowSchemes = schemesOf(after);
  const changes: BreakingChange[] = [];
  for (const [id, scheme] of Object.entries(schemesOf(before))) {
    const now = record(nowSchemes[id]);
    for (const field of ['type', 'in', 'name']) {
      if (!same(record(scheme)[field], now[field]))
        changes.push({
          location: `security scheme ${id}`,
          message: `${field} changed from ${JSON.stringify(record(scheme)[field])} to ${JSON.stringify(now[field])}`,
        });
    }
    const was = record(record(scheme)['x-subprotocol']);
    const is = record(now['x-subprotocol']);
    for (const field of ['versionProtocol', 'authPrefix']) {
      if (!same(was[field], is[field]))
        changes.push({
          location: `security scheme ${id} x-subprotocol`,
          message: `${field} changed from ${JSON.stringify(was[field])} to ${JSON.stringify(is[field])}`,
        });
    }
  }
  return changes;
}

export function diffAsyncApi(before: unknown, after: unknown, originOf: OriginOf = () => undefined): BreakingChange[] {
  const changes: BreakingChange[] = [...channelChanges(before, after), ...subprotocolChanges(before, after)];
  const nowMessages = messagesOf(after);
  for (const [type, { direction, message }] of messagesOf(before)) {
    const at = `${direction === 'request' ? 'client→server' : 'server→client'} message ${type}`;
    const now = nowMessages.get(type);
    if (!now) changes.push({ location: at, message: `message type "${type}" removed` });
    else changes.push(...diffSchema(message.payload, now.message.payload, direction, `${at} payload`, originOf));
  }
  return changes;
}
