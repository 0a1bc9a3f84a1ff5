// One line per change saying what a client must do, derived from the change's kind and message (the
// messages the classifier in breaking/ writes). Unknown messages fall back to the kind's general rule.
import type { Change } from '../breaking/change';

type Rule = [RegExp, (match: RegExpExecArray, change: Change) => string];

const isRequest = (change: Change) => / request | parameter |client→server|ws query|ws headers/.test(change.location);

const BREAKING: Rule[] = [
  [/^field "(.+)" removed$/, ([, name]) => `clients reading ${name} must stop`],
  [/^field "(.+)" is no longer required$/, ([, name]) => `clients must treat a missing ${name} as absent`],
  [/^field "(.+)" is no longer accepted$/, ([, name]) => `clients must stop sending ${name}`],
  [/^new required field "(.+)"$/, ([, name]) => `clients must send ${name}`],
  [/^new required parameter$/, () => 'clients must send this parameter'],
  [/^request body is now required$/, () => 'clients must send a body'],
  [/^operation (.+) removed$/, ([, id]) => `clients calling ${id} must stop`],
  [
    /^message type "(.+)" removed$/,
    ([, type], change) =>
      isRequest(change) ? `clients sending ${type} must stop` : `clients waiting for ${type} will never get it`,
  ],
  [
    /^enum value (.+) removed$/,
    ([, value], change) =>
      isRequest(change) ? `clients must stop sending ${value}` : `clients must not wait for ${value}`,
  ],
  [/^close code (\d+) .*removed$/, ([, code]) => `clients handling close code ${code} must handle its replacement`],
  [/^reason (.+) removed$/, ([, reason]) => `clients matching close reason ${reason} must stop`],
  [/content type (.+) (no longer accepted|removed)$/, ([, type]) => `clients using ${type} must switch`],
  [/^response status (\d+) removed$/, ([, status]) => `clients handling ${status} must handle the new answer`],
  [/^response header (.+) removed$/, ([, header]) => `clients reading ${header} must stop`],
  [/^operation now requires authentication$/, () => 'clients must send credentials'],
];

const ADDITIVE: Rule[] = [
  [/^(required|optional) field "(.+)" added$/, ([, , name]) => `none for tolerant readers; clients may read ${name}`],
  [/^optional field "(.+)" now accepted$/, ([, name]) => `none; clients may send ${name}`],
  [/^enum value (.+) added$/, ([, value]) => `clients must accept ${value} (or map it to an unknown value)`],
  [/^enum value (.+) now accepted$/, ([, value]) => `none; clients may send ${value}`],
  [/^operation (.+) added$/, ([, id]) => `none; clients may call ${id}`],
  [
    /^message type "(.+)" added$/,
    ([, type], change) =>
      isRequest(change) ? `none; clients may send ${type}` : `clients must ignore or handle the new type ${type}`,
  ],
  [/^close code (\d+) .*added$/, ([, code]) => `clients must treat close code ${code} by its listed client action`],
  [/^reason (.+) added$/, ([, reason]) => `clients must accept close reason ${reason}`],
  [
    /^response status (\d+) added$/,
    ([, status]) => `clients must handle status ${status} (the error envelope when 4xx/5xx)`,
  ],
];

function fallback(change: Change): string {
  if (change.kind === 'docs') return 'none: documentation and examples only';
  if (change.kind === 'breaking') return 'clients relying on the old form must be updated';
  return isRequest(change) ? 'none: the server accepts more' : 'none for tolerant readers';
}

export function clientImpact(change: Change): string {
  const rules = change.kind === 'breaking' ? BREAKING : change.kind === 'additive' ? ADDITIVE : [];
  for (const [pattern, impact] of rules) {
    const match = pattern.exec(change.message);
    if (match) return impact(match, change);
  }
  return fallback(change);
}
