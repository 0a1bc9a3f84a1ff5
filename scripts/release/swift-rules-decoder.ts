// Decodes JSON the way the generated Swift models of a release would (JSONDecoder with
// `JSONDecoder.bookstrack`), from that release's decoding rules (lib/swift-decoding-rules.ts): no
// Swift compiler exists here. A missing required key or a JSON value of the wrong type fails the
// whole value, as `DecodingError` would; keys the models do not declare are ignored; an enum value
// or frame type the release does not know becomes `.unknown` and is reported, never a failure.
import type { SwiftDecodingRules, SwiftTypeRef } from '../lib/swift-decoding-rules';

export interface UnknownValue {
  /** JSON path, e.g. `data.books[0].format`. */
  path: string;
  /** The open enum or message union that read the value as `.unknown`. */
  type: SwiftTypeRef;
  value: string;
}

export type SwiftDecodeResult = { ok: true; unknowns: UnknownValue[] } | { ok: false; error: string };

class DecodingError extends Error {}

const INT32 = 2 ** 31;
/** ISO8601DateFormatter with `.withInternetDateTime`, with or without `.withFractionalSeconds`. */
const INTERNET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

export class SwiftRulesDecoder {
  private unknowns: UnknownValue[] = [];

  constructor(private readonly rules: SwiftDecodingRules) {}

  /** Decodes `value` as `type` (or `Envelope<type>`), the way the release's app would. */
  decode(type: SwiftTypeRef, value: unknown, options: { envelope?: boolean } = {}): SwiftDecodeResult {
    this.unknowns = [];
    try {
      if (options.envelope) {
        this.struct(
          { data: { type, optional: false }, metadata: { type: 'ResponseMetadata', optional: false } },
          value,
          '',
        );
      } else this.value(type, value, '');
      return { ok: true, unknowns: this.unknowns };
    } catch (error) {
      if (error instanceof DecodingError) return { ok: false, error: error.message };
      throw error;
    }
  }

  private fail(path: string, message: string): never {
    throw new DecodingError(`${path || '(root)'}: ${message}`);
  }

  private value(type: SwiftTypeRef, value: unknown, path: string): void {
    const mismatch = (expected: string): never => this.fail(path, `expected ${expected}, got ${describe(value)}`);
    if (type.startsWith('[String: ')) {
      if (!isObject(value)) mismatch('an object');
      return;
    }
    if (type.startsWith('[')) {
      if (!Array.isArray(value)) mismatch('an array');
      (value as unknown[]).forEach((item, i) => this.value(type.slice(1, -1), item, `${path}[${i}]`));
      return;
    }
    switch (type) {
      case 'JSONValue':
        return;
      case 'String':
        if (typeof value !== 'string') mismatch('a string');
        return;
      case 'Bool':
        if (typeof value !== 'boolean') mismatch('a boolean');
        return;
      case 'Double':
        if (typeof value !== 'number') mismatch('a number');
        return;
      case 'Int':
        // `Int` is 32-bit on watchOS: the models use Int64 for anything that may outgrow it.
        if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) >= INT32)
          mismatch('an integer that fits Int on every Apple platform (32-bit on watchOS)');
        return;
      case 'Int64':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) mismatch('an integer (Int64)');
        return;
      case 'Date':
        if (typeof value !== 'string' || !INTERNET_DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))
          mismatch('an ISO 8601 date-time (BooksTrackDate)');
        return;
      default:
        this.named(type, value, path);
    }
  }

  private named(type: SwiftTypeRef, value: unknown, path: string): void {
    const rule = this.rules.types[type];
    if (!rule) this.fail(path, `the rules have no type ${type}`);
    switch (rule.kind) {
      case 'alias':
        return this.value(rule.type, value, path);
      case 'open':
        if (!isObject(value)) this.fail(path, `expected an object, got ${describe(value)}`);
        return;
      case 'struct':
        return this.struct(rule.fields, value, path);
      case 'enum':
        if (typeof value !== 'string') this.fail(path, `expected a ${type} string, got ${describe(value)}`);
        if (!rule.values.includes(value as string)) {
          if (!rule.unknownCase) this.fail(path, `${JSON.stringify(value)} is not a ${type} case`);
          this.unknowns.push({ path, type, value: value as string });
        }
        return;
      case 'union': {
        if (!rule.decodable) this.fail(path, `${type} is encode-only in the Swift models`);
        if (!isObject(value)) this.fail(path, `expected an object, got ${describe(value)}`);
        const tag = (value as Record<string, unknown>)[rule.tag];
        if (typeof tag !== 'string') this.fail(`${path}.${rule.tag}`, `expected a string, got ${describe(tag)}`);
        const member = rule.members[tag as string];
        if (member === undefined) {
          this.unknowns.push({ path: `${path}.${rule.tag}`.replace(/^\./, ''), type, value: tag as string });
          return;
        }
        return this.value(member, value, path);
      }
    }
  }

  private struct(
    fields: Record<string, { type: SwiftTypeRef; optional: boolean }>,
    value: unknown,
    path: string,
  ): void {
    if (!isObject(value)) this.fail(path, `expected an object, got ${describe(value)}`);
    const object = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(fields)) {
      const at = path ? `${path}.${key}` : key;
      const present = Object.hasOwn(object, key) && object[key] !== null;
      // decodeIfPresent: an absent key or null is nil; decode: keyNotFound / valueNotFound.
      if (!present) {
        if (!field.optional)
          this.fail(at, Object.hasOwn(object, key) ? 'valueNotFound (null for a required field)' : 'keyNotFound');
        continue;
      }
      this.value(field.type, object[key], at);
    }
  }
}
