// Source-text helpers shared by the TypeScript emitters: literals, keys and regex literals.

/** A JSON value as TypeScript source (single-quoted strings, like the rest of the repo). */
export function tsLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${tsKey(k)}: ${tsLiteral(v)}`)
      .join(', ')} }`;
  }
  throw new Error(`cannot write ${String(value)} as a literal`);
}

/** An object key, quoted only when it is not a plain identifier. */
export function tsKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsLiteral(key);
}

/**
 * A JSON Schema `pattern` (ECMA-262 source, unanchored, unicode mode as Ajv reads it) as a regex literal: only unescaped `/`
 * needs escaping, which a plain string replace would get wrong after a backslash.
 */
export function regexLiteral(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      out += char + (pattern[i + 1] ?? '');
      i++;
    } else out += char === '/' ? '\\/' : char;
  }
  new RegExp(out, 'u'); // fail at generation time, not at import time, on a bad pattern
  return `/${out}/u`;
}
