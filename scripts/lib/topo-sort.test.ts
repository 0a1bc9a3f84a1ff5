// Declaration order of schemas.ts: dependencies first, ties alphabetical, cycles reported.
import { describe, expect, it } from 'vitest';
import { topoSort } from './topo-sort';

describe('topoSort', () => {
  it('puts referenced schemas before their users and breaks ties alphabetically', () => {
    const schemas = new Map([
      ['Envelope', { properties: { a: { $ref: './Zeta.yaml' }, b: { $ref: './Alpha.yaml' } } }],
      ['Zeta', { type: 'string' }],
      ['Alpha', { items: { $ref: './Zeta.yaml' } }],
    ]);
    expect(topoSort(schemas)).toEqual(['Zeta', 'Alpha', 'Envelope']);
  });

  it('reports a reference cycle with its path', () => {
    const schemas = new Map([
      ['A', { $ref: './B.yaml' }],
      ['B', { $ref: './A.yaml' }],
    ]);
    expect(() => topoSort(schemas)).toThrow('schema reference cycle: A → B → A');
  });

  it('reports a reference to a missing schema file', () => {
    expect(() => topoSort(new Map([['A', { $ref: './Nope.yaml' }]]))).toThrow('A references missing schema Nope');
  });
});
