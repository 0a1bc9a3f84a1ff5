// String formats of the fast validators, taken from the zod validators themselves so both give one
// verdict: the regexes are zod's own (read from the installed zod at generation time), and the two
// formats zod checks with code (url, base64) get the same rule as a small inlined helper.
import { z } from 'zod';

export interface FormatCheck {
  /** A regex literal the value must match, or undefined when `helper` decides. */
  regex?: string;
  /** Name of a helper function (declared by HELPER_SOURCE) that decides. */
  helper?: string;
}

const literal = (pattern: RegExp | undefined, format: string): string => {
  if (!(pattern instanceof RegExp)) throw new Error(`zod has no pattern for format ${format}`);
  return `/${pattern.source}/${pattern.flags}`;
};

const patternOf = (schema: z.ZodString | z.ZodStringFormat): RegExp | undefined =>
  (schema._zod.def as { pattern?: RegExp }).pattern;

export const FORMAT_CHECKS: Record<string, () => FormatCheck> = {
  'date-time': () => ({ regex: literal(patternOf(z.iso.datetime({ offset: true })), 'date-time') }),
  date: () => ({ regex: literal(patternOf(z.iso.date()), 'date') }),
  email: () => ({ regex: literal(patternOf(z.email()), 'email') }),
  uuid: () => ({ regex: literal(patternOf(z.uuid()), 'uuid') }),
  uri: () => ({ helper: 'isUrlText' }),
};

export const BASE64_CHECK: FormatCheck = { helper: 'isBase64Text' };

/**
 * zod's z.url() asks the runtime's URL parser about the trimmed text; z.base64() wants no
 * whitespace, a length that is a multiple of 4 and text atob accepts, which for such a length is
 * exactly the alphabet plus up to two `=` at the end (no decode, so a 10 MB image costs one scan).
 */
export const HELPER_SOURCE = `// The runtime's WHATWG URL (Workers, browsers, Node), declared so the file needs no DOM or Node lib.
declare const URL: { canParse?(url: string): boolean; new (url: string): unknown };

function isUrlText(text: string): boolean {
  try {
    const trimmed = text.trim();
    if (typeof URL.canParse === 'function') return URL.canParse(trimmed);
    new URL(trimmed);
    return true;
  } catch {
    return false;
  }
}

const BASE64_TEXT = /^[0-9a-zA-Z+/]*={0,2}$/;

function isBase64Text(text: string): boolean {
  return text.length % 4 === 0 && BASE64_TEXT.test(text);
}
`;
