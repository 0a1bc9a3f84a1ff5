// The CSV's UTF-8 size, counted on the string itself: the route's 10 MB check must not encode a
// second copy of a file it already holds.

const NON_ASCII = /[^\x00-\x7f]/;

/** Whether `text` takes more than `maxBytes` bytes as UTF-8 (lone surrogates count as U+FFFD, 3 bytes). */
export function exceedsUtf8Bytes(text: string, maxBytes: number): boolean {
  // Every UTF-16 code unit takes 1 to 3 UTF-8 bytes (a surrogate pair takes 4 for its 2 units).
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  const firstWide = text.search(NON_ASCII);
  if (firstWide === -1) return false;
  let bytes = text.length;
  for (let i = firstWide; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 2;
      i++;
    } else bytes += 2;
    if (bytes > maxBytes) return true;
  }
  return false;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
