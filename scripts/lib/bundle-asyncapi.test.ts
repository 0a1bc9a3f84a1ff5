// The AsyncAPI bundler on a small fixture tree: message files inline, schema files become
// components.schemas with internal refs, and $id/$schema are dropped from embedded schemas.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempTree, writeTreeFile } from '../core/temp-tree';
import { bundleAsyncApi } from './bundle-asyncapi';

const root = tempTree('bookstrack-bundle-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string): string => writeTreeFile(root, path, text);

write(
  'schemas/Ping.yaml',
  '$schema: https://json-schema.org/draft/2020-12/schema\n$id: https://x/Ping.yaml\ntype: object\nproperties:\n  meta:\n    $ref: ./Meta.yaml\n',
);
write('schemas/Union.yaml', 'oneOf:\n  - $ref: ./Ping.yaml\n');
write('schemas/Meta.yaml', 'type: object\nproperties:\n  n:\n    type: integer\n');
write('asyncapi/messages/ping.yaml', 'name: ping\npayload:\n  $ref: ../../schemas/Ping.yaml\n');
const entry = write(
  'asyncapi/asyncapi.yaml',
  [
    'asyncapi: 3.0.0',
    'info: {title: t, version: 1.0.0}',
    'channels:',
    '  c:',
    '    address: /c',
    '    messages:',
    '      ping:',
    '        $ref: ./messages/ping.yaml',
    'operations:',
    '  o:',
    '    action: send',
    '    channel: {$ref: "#/channels/c"}',
    '    messages: [{$ref: "#/channels/c/messages/ping"}]',
    'components:',
    '  schemas:',
    '    Union:',
    '      $ref: ../schemas/Union.yaml',
    '',
  ].join('\n'),
);

describe('bundleAsyncApi', () => {
  const bundled = bundleAsyncApi(entry, join(root, 'schemas'));

  it('inlines message files and points payloads at components.schemas', () => {
    expect((bundled.channels as any).c.messages.ping).toEqual({
      name: 'ping',
      payload: { $ref: '#/components/schemas/Ping' },
    });
  });

  it('collects referenced schema files, sorted, with internal refs and without $id or $schema', () => {
    const schemas = (bundled.components as any).schemas;
    expect(Object.keys(schemas)).toEqual(['Meta', 'Ping', 'Union']);
    expect(schemas.Ping).toEqual({ type: 'object', properties: { meta: { $ref: '#/components/schemas/Meta' } } });
  });

  it('puts a schema file named under components.schemas in place, not as a ref to itself', () => {
    expect((bundled.components as any).schemas.Union).toEqual({ oneOf: [{ $ref: '#/components/schemas/Ping' }] });
  });

  it('keeps internal refs of the entry document as written', () => {
    expect((bundled.operations as any).o.channel).toEqual({ $ref: '#/channels/c' });
  });

  it('names the file when a reference does not resolve', () => {
    const broken = write('broken/asyncapi.yaml', 'asyncapi: 3.0.0\nchannels:\n  c:\n    $ref: ./missing.yaml\n');
    expect(() => bundleAsyncApi(broken, join(root, 'schemas'))).toThrow(/missing\.yaml/);
  });
});
