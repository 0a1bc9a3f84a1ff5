// Splitting an item's JSON into byte-bounded parts and joining them back.
import { describe, expect, it } from 'vitest';
import { joinItemParts, splitItemJson } from '../../src/durable/item-parts';
import { ITEM_PART_MAX_BYTES } from '../../src/durable/storage-schema';

const utf8Length = (buffer: ArrayBuffer) => buffer.byteLength;

describe('splitItemJson', () => {
  it('keeps JSON that fits one part inline', () => {
    expect(splitItemJson('{"title":"Dune"}')).toEqual({ inline: '{"title":"Dune"}' });
  });

  it('keeps multi-byte JSON inline while its UTF-8 size is within the limit', () => {
    // 4 characters, 9 UTF-8 bytes: over the 3-bytes-per-unit shortcut, under the limit once encoded.
    expect(splitItemJson('"é📚"', 9)).toEqual({ inline: '"é📚"' });
  });

  it('cuts JSON over the limit into parts of at most the limit, even inside a character', () => {
    const json = '"aé📚b"'; // 1 + 1 + 2 + 4 + 1 + 1 = 10 bytes
    const split = splitItemJson(json, 4);
    if (!('parts' in split)) throw new Error('expected parts');
    expect(split.parts.map(utf8Length)).toEqual([4, 4, 2]);
    expect(joinItemParts(split.parts)).toBe(json);
  });

  it('cuts a 2.5 MB item into three parts of at most 1 MB', () => {
    const json = JSON.stringify({ data: 'A'.repeat(2_500_000) });
    const split = splitItemJson(json);
    if (!('parts' in split)) throw new Error('expected parts');
    expect(split.parts.map(utf8Length)).toEqual([
      ITEM_PART_MAX_BYTES,
      ITEM_PART_MAX_BYTES,
      json.length - 2 * ITEM_PART_MAX_BYTES,
    ]);
    expect(joinItemParts(split.parts)).toBe(json);
  });
});

describe('joinItemParts', () => {
  it('refuses parts that end inside a character (a part went missing)', () => {
    const split = splitItemJson('"📚📚"', 3);
    if (!('parts' in split)) throw new Error('expected parts');
    expect(() => joinItemParts(split.parts.slice(0, 1))).toThrow(TypeError);
  });
});
