import { describe, expect, it } from 'vitest';
import { parseJsonObjects } from './json-stream';

describe('parseJsonObjects', () => {
  it('splits concatenated reports and skips text around them', () => {
    expect(parseJsonObjects('banner\n{"a":1}\n{"b":{"c":[2]}}\ntrailer')).toEqual([{ a: 1 }, { b: { c: [2] } }]);
  });

  it('ignores braces and escaped quotes inside strings', () => {
    expect(parseJsonObjects('{"m":"a } \\" { b"}')).toEqual([{ m: 'a } " { b' }]);
  });
});
