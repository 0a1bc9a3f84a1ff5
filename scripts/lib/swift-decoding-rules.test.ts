// The Swift decoding rules (generated/swift/decoding-rules.json) say what the generated models
// decode: checked here against BooksTrackModels.swift itself (every struct's stored properties with
// their types and optionality, every enum's wire values, every union's tags), and against every spec
// example (what the Swift example tests decode, the rules decode). A release keeps the rules so
// that later contracts are decoded the way its apps would (release/old-clients.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, specPaths } from '../core/paths';
import { SwiftRulesDecoder } from '../release/swift-rules-decoder';
import type { JsonSchema } from './json-schema';
import { loadSchemas } from './schema-files';
import { listSpecExamples } from './spec-examples';
import { SWIFT_PACKAGE } from './swift-package';
import { swiftPropertyName, swiftTypeName } from './swift-names';
import type { SwiftDecodingRules } from './swift-decoding-rules';

const rules = JSON.parse(readFileSync(join(GENERATED_DIR, 'swift/decoding-rules.json'), 'utf8')) as SwiftDecodingRules;
const models = readFileSync(join(GENERATED_DIR, SWIFT_PACKAGE.sources, 'BooksTrackModels.swift'), 'utf8');

interface Declared {
  kind: string;
  fields: Record<string, string>;
  wireValues: string[];
  tags: Record<string, string>;
}

/** Every `public struct|enum` of the models by nested path, with what its body declares. */
function declarations(source: string): Map<string, Declared> {
  const found = new Map<string, Declared>();
  const stack: { depth: number; path: string }[] = [];
  for (const line of source.split('\n')) {
    const depth = /^ */.exec(line)![0].length / 4;
    while (stack.length > 0 && stack.at(-1)!.depth >= depth && /^\s*\S/.test(line) && !/^\s*\}/.test(line)) stack.pop();
    const type = /^\s*public (struct|enum) (\w+)/.exec(line);
    if (type) {
      while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
      const path = [...stack.map((entry) => entry.path.split('.').at(-1)), type[2]].join('.');
      stack.push({ depth, path });
      found.set(path, { kind: type[1]!, fields: {}, wireValues: [], tags: {} });
      continue;
    }
    const owner = stack.at(-1);
    if (!owner) continue;
    const declared = found.get(owner.path)!;
    const field = /^\s*public (?:let|var) (`?\w+`?): ([^={]+?)(?: = .*)?$/.exec(line);
    if (field && depth === owner.depth + 1) declared.fields[field[1]!] = field[2]!.trim();
    const wire = /^\s*case "([^"]*)": self = \.\w+$/.exec(line);
    if (wire) declared.wireValues.push(wire[1]!);
    const tag = /^\s*case "([^"]*)": self = \.\w+\(try (\w+)\(from: decoder\)\)$/.exec(line);
    if (tag) declared.tags[tag[1]!] = tag[2]!;
  }
  return found;
}

/** The models' spelling of a rule type: nested types by their last name, `[T]` kept. */
const spelled = (type: string): string => type.replace(/[\w.]+/g, (name) => name.split('.').at(-1)!);

describe('the Swift decoding rules', () => {
  const declared = declarations(models);

  it('cover every type the models declare, and only those', () => {
    const ruleTypes = Object.entries(rules.types)
      .filter(([, rule]) => rule.kind !== 'alias')
      .map(([name]) => name);
    expect(ruleTypes.sort()).toEqual([...declared.keys()].sort());
  });

  it.each(Object.entries(rules.types))('%s: as the models declare it', (name, rule) => {
    if (rule.kind === 'alias') {
      expect(models).toContain(`public typealias ${name} = ${rule.type}\n`);
      return;
    }
    const model = declared.get(name)!;
    if (rule.kind === 'struct') {
      expect(model.kind).toBe('struct');
      const expected = Object.fromEntries(
        Object.entries(rule.fields).map(([key, field]) => [
          swiftPropertyName(key),
          `${spelled(field.type)}${field.optional ? '?' : ''}`,
        ]),
      );
      expect(model.fields).toEqual(expected);
    } else if (rule.kind === 'open') {
      expect(model.fields).toEqual({ values: '[String: JSONValue]' });
    } else if (rule.kind === 'enum') {
      expect(model.wireValues).toEqual(rule.values);
      expect(rule.unknownCase).toBe(true);
    } else {
      expect(model.kind).toBe('enum');
      if (rule.decodable) expect(model.tags).toEqual(rule.members);
    }
  });

  it('decode every spec example the Swift example tests decode', () => {
    const schemas = loadSchemas(specPaths().schemas);
    const openapi = JSON.parse(readFileSync(join(GENERATED_DIR, 'openapi.json'), 'utf8')) as JsonSchema;
    const asyncapi = JSON.parse(readFileSync(join(GENERATED_DIR, 'asyncapi.json'), 'utf8')) as JsonSchema;
    const decoder = new SwiftRulesDecoder(rules);
    // Client-only unions (ClientMessage) are Encodable only: the app sends them, never decodes them.
    const decodable = (name: string): boolean => {
      const rule = rules.types[swiftTypeName(name)];
      return rule?.kind !== 'union' || rule.decodable;
    };
    const examples = listSpecExamples(schemas, openapi, asyncapi).filter(
      (example) => example.typeName && decodable(example.typeName),
    );
    const failures = examples.flatMap((example) => {
      const result = decoder.decode(swiftTypeName(example.typeName!), example.value, { envelope: example.isEnvelope });
      return result.ok ? [] : [`${example.sources[0]}: ${result.error}`];
    });
    expect(examples.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});

describe('the rules decoder, as JSONDecoder would', () => {
  const decoder = new SwiftRulesDecoder(rules);
  const state = (loadSchemas(specPaths().schemas).get('JobState')!.examples as Record<string, unknown>[])[0]!;
  const decode = (value: unknown) => decoder.decode('JobState', value);

  it('accepts the state, undeclared keys ignored, and reports an unknown enum value', () => {
    expect(decode({ ...state, addedLater: true })).toEqual({ ok: true, unknowns: [] });
    expect(decode({ ...state, status: 'paused' })).toEqual({
      ok: true,
      unknowns: [{ path: 'status', type: 'JobStatus', value: 'paused' }],
    });
  });

  it('fails a missing or null required key, a wrong JSON type, an Int beyond 32 bits and a bad date', () => {
    const { jobId: _jobId, ...withoutId } = state;
    expect(decode(withoutId)).toEqual({ ok: false, error: 'jobId: keyNotFound' });
    expect(decode({ ...state, jobId: null })).toEqual({
      ok: false,
      error: 'jobId: valueNotFound (null for a required field)',
    });
    expect(decode({ ...state, status: 3 })).toMatchObject({
      ok: false,
      error: 'status: expected a JobStatus string, got number 3',
    });
    expect(decode({ ...state, processedCount: 2 ** 31 })).toMatchObject({ ok: false });
    expect(decode({ ...state, createdAt: '2026-12-01 10:00' })).toMatchObject({ ok: false });
  });
});
