// The three kinds of change over the fixture contract pair: an optional response field and a new enum
// value are additive, a removed field breaking, reworded prose docs, each under its operation and message.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../breaking/change';
import { compareContracts, releaseBundles, specTree } from '../breaking/compare-specs';
import { writeBundles, writeSpecTree, type Variant } from './fixture-contracts';

const dirs: string[] = [];

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'classify-test-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function changesTo(variant: Variant): Change[] {
  const base = writeSpecTree(temp(), 'contract', '1.0.0');
  return compareContracts(specTree(base), specTree(writeSpecTree(temp(), variant, '1.0.0'))).changes;
}

const summary = (changes: Change[]) => changes.map((change) => `${change.kind} ${change.subject}: ${change.message}`);

describe('classifying the changes between two contract versions', () => {
  it('finds nothing between a contract and itself', () => {
    expect(changesTo('contract')).toEqual([]);
  });

  it('classifies an optional response field and a new enum value as additive, in the operation and the message (its new example as docs)', () => {
    expect(summary(changesTo('additive')).sort()).toEqual([
      'additive message book_added: enum value "E-book" added',
      'additive message book_added: optional field "subtitle" added',
      'additive operation getBook: enum value "E-book" added',
      'additive operation getBook: optional field "subtitle" added',
      'docs message book_added: documentation changed at .payload.properties.book.examples',
      'docs operation getBook: documentation changed at .responses.200.content.application/json.schema.examples',
    ]);
  });

  it('classifies a removed response field as breaking', () => {
    expect(summary(changesTo('breaking')).sort()).toEqual([
      'breaking message book_added: field "title" removed',
      'breaking operation getBook: field "title" removed',
      'docs message book_added: documentation changed at .payload.properties.book.examples',
      'docs operation getBook: documentation changed at .responses.200.content.application/json.schema.examples',
    ]);
  });

  it('classifies reworded descriptions as docs, one change per operation and message', () => {
    const changes = changesTo('docs');
    expect(changes.map((change) => `${change.kind} ${change.subject}`).sort()).toEqual([
      'docs message book_added',
      'docs operation getBook',
    ]);
    expect(changes.find((change) => change.subject === 'operation getBook')?.message).toBe(
      'documentation changed at .responses.200.content.application/json.schema.description, .responses.200.content.application/json.schema.properties.title.description',
    );
  });

  it('reads a release folder of bundles like a spec/ tree', () => {
    const release = temp();
    writeBundles(release, 'contract', '1.0.0');
    const head = writeSpecTree(temp(), 'breaking', '1.0.0');
    expect(summary(compareContracts(releaseBundles(release), specTree(head)).changes).sort()).toEqual([
      'breaking message book_added: field "title" removed',
      'breaking operation getBook: field "title" removed',
      'docs message book_added: documentation changed at .payload.properties.book.examples',
      'docs operation getBook: documentation changed at .responses.200.content.application/json.schema.examples',
    ]);
  });

  it('lists a changed extension outside operations and messages as additive, under the document', () => {
    const base = writeSpecTree(temp(), 'contract', '1.0.0');
    const head = writeSpecTree(temp(), 'contract', '1.0.0');
    setInfo(join(base, 'asyncapi/asyncapi.yaml'), ['x-token-policy', 'lifetimeSeconds'], 7200);
    setInfo(join(head, 'asyncapi/asyncapi.yaml'), ['x-token-policy', 'lifetimeSeconds'], 3600);
    expect(summary(compareContracts(specTree(base), specTree(head)).changes)).toEqual([
      'additive AsyncAPI document: info.x-token-policy.lifetimeSeconds changed from 7200 to 3600',
    ]);
  });

  it('lists a changed channel extension (x-limits) as additive, under the channel', () => {
    const base = writeSpecTree(temp(), 'contract', '1.0.0');
    const head = writeSpecTree(temp(), 'contract', '1.0.0');
    setIn(join(base, 'asyncapi/asyncapi.yaml'), ['channels', 'books', 'x-limits', 'maxFrameBytes'], 16384);
    setIn(join(head, 'asyncapi/asyncapi.yaml'), ['channels', 'books', 'x-limits', 'maxFrameBytes'], 8192);
    expect(summary(compareContracts(specTree(base), specTree(head)).changes)).toEqual([
      'additive channel books: x-limits.maxFrameBytes changed from 16384 to 8192',
    ]);
  });
});

function setIn(file: string, path: string[], value: unknown): void {
  const document = parseDocument(readFileSync(file, 'utf8'));
  document.setIn(path, value);
  writeFileSync(file, document.toString());
}

function setInfo(file: string, path: string[], value: unknown): void {
  const document = parseDocument(readFileSync(file, 'utf8'));
  document.setIn(['info', ...path], value);
  writeFileSync(file, document.toString());
}
