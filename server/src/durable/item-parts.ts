// Splits a work item's JSON into UTF-8 parts small enough for one SQLite row, and joins them back.
// Parts are bytes, not string slices, so a cut inside a multi-byte character is harmless.
import { ITEM_PART_MAX_BYTES } from './storage-schema';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** A UTF-16 code unit never needs more than 3 UTF-8 bytes (a surrogate pair takes 4 for 2 units). */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/** The JSON itself when it fits one part; otherwise its UTF-8 bytes cut into parts of at most maxBytes. */
export function splitItemJson(
  json: string,
  maxBytes = ITEM_PART_MAX_BYTES,
): { inline: string } | { parts: ArrayBuffer[] } {
  if (json.length * MAX_UTF8_BYTES_PER_UNIT <= maxBytes) return { inline: json };
  const bytes = encoder.encode(json);
  if (bytes.length <= maxBytes) return { inline: json };
  // SQLite binds an ArrayBuffer as a BLOB; slice() copies each part into a buffer of its own size.
  const parts: ArrayBuffer[] = [];
  for (let start = 0; start < bytes.length; start += maxBytes) parts.push(bytes.slice(start, start + maxBytes).buffer);
  return { parts };
}

/** Concatenates parts in order and decodes them strictly, so a torn item fails loudly instead of decoding to U+FFFD. */
export function joinItemParts(parts: readonly ArrayBuffer[]): string {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(new Uint8Array(part), offset);
    offset += part.byteLength;
  }
  return decoder.decode(bytes);
}
