import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../core/temp-tree';
import { loadDereferenced } from './load-spec';

const specTree = (files: Record<string, string>): string => tempTree('load-spec-test-', files);

describe('loadDereferenced', () => {
  const dir = specTree({
    'openapi/openapi.yaml': 'paths:\n  /books:\n    $ref: paths/books.yaml\n',
    'openapi/paths/books.yaml':
      'get:\n  responses:\n    "200":\n      schema:\n        $ref: ../../schemas/Book.yaml\n        description: The book.\n',
    'schemas/Book.yaml':
      'type: object\nproperties:\n  shelf:\n    $ref: "#/$defs/Shelf"\n  next:\n    $ref: ./Book.yaml\n$defs:\n  Shelf:\n    enum: [read]\n',
  });
  const loaded = loadDereferenced(join(dir, 'openapi/openapi.yaml'), dir);
  const schema = (loaded.document as any).paths['/books'].get.responses['200'].schema;

  it('inlines relative file refs and same-file pointers', () => {
    expect(schema.type).toBe('object');
    expect(schema.properties.shelf).toEqual({ enum: ['read'] });
  });

  it('keeps keywords written beside a $ref over the target', () => {
    expect(schema.description).toBe('The book.');
  });

  it('turns a reference back to a schema being resolved into an opaque cycle marker', () => {
    expect(schema.properties.next).toEqual({ $ref: 'cycle:schemas/Book.yaml#' });
  });

  it('remembers the file and pointer each object came from', () => {
    expect(loaded.originOf(schema.properties.shelf)).toBe('schemas/Book.yaml#/$defs/Shelf');
    expect(loaded.originOf(schema)).toBe('schemas/Book.yaml#');
  });

  it('fails with the file name on a dangling $ref', () => {
    const broken = specTree({ 'root.yaml': 'a:\n  $ref: ./missing.yaml#/x\n', 'missing.yaml': 'b: 1\n' });
    expect(() => loadDereferenced(join(broken, 'root.yaml'), broken)).toThrow(
      'unresolvable $ref ./missing.yaml#/x in root.yaml',
    );
  });
});
