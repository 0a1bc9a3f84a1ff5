// Reads JSON with comments and trailing commas (wrangler.jsonc) in the Workers pool, which has no
// file system and no JSONC parser: comments and trailing commas are dropped outside strings.

/** Index just past the string literal that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  return at + 1;
}

function withoutComments(text: string): string {
  let out = '';
  for (let at = 0; at < text.length;) {
    if (text[at] === '"') {
      const end = stringEnd(text, at);
      out += text.slice(at, end);
      at = end;
    } else if (text.startsWith('//', at)) {
      at = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    } else if (text.startsWith('/*', at)) {
      at = text.indexOf('*/', at + 2) + 2;
    } else {
      out += text[at];
      at += 1;
    }
  }
  return out;
}

function withoutTrailingCommas(text: string): string {
  let out = '';
  for (let at = 0; at < text.length;) {
    if (text[at] === '"') {
      const end = stringEnd(text, at);
      out += text.slice(at, end);
      at = end;
      continue;
    }
    if (text[at] !== ',' || !/^\s*[}\]]/.test(text.slice(at + 1))) out += text[at];
    at += 1;
  }
  return out;
}

export function parseJsonc(text: string): unknown {
  return JSON.parse(withoutTrailingCommas(withoutComments(text)));
}
