// The CSV size check counts UTF-8 bytes on the string, agreeing with TextEncoder at every boundary.
import { describe, expect, it } from 'vitest';
import { exceedsUtf8Bytes } from '../../../src/pipelines/csv/byte-size';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe('exceedsUtf8Bytes', () => {
  const samples = [
    'title\nDune\n',
    'Café, Straße',
    'Ζορμπάς ο Έλληνας',
    '三体,刘慈欣',
    '📚 emoji 🏳️‍🌈 pairs',
    'lone high \ud83d then text',
    'lone low \udcda end',
    'ends on a high surrogate \ud83d',
  ];

  it.each(samples)('agrees with TextEncoder just under, at and over the size of %j', (text) => {
    const size = utf8Bytes(text);
    expect(exceedsUtf8Bytes(text, size)).toBe(false);
    expect(exceedsUtf8Bytes(text, size + 1)).toBe(false);
    expect(exceedsUtf8Bytes(text, size - 1)).toBe(true);
  });

  it('decides from the length alone when every character would fit or none could', () => {
    expect(exceedsUtf8Bytes('a'.repeat(11), 10)).toBe(true);
    expect(exceedsUtf8Bytes('€'.repeat(3), 9)).toBe(false);
  });

  it('counts a 10 MB ASCII file as within 10 MB and one more multi-byte character as over', () => {
    const max = 10 * 1024 * 1024;
    const ascii = 'a'.repeat(max);
    expect(exceedsUtf8Bytes(ascii, max)).toBe(false);
    expect(exceedsUtf8Bytes(`${ascii.slice(1)}é`, max)).toBe(true);
  });
});
