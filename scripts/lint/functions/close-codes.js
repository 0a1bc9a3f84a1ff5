// Spectral function: checks an `x-close-codes` list. Codes are unique, in 1000–1015 (IANA-registered
// range) or 4000–4999 (private use); each entry names the code, says who sends it (`sentBy`: `server`,
// or `platform` when Cloudflare ends the connection and this server sends nothing), when it is sent and
// what the client does. 1005/1006/1015 must not be sent in a close frame, so only a platform entry may
// list one, and a platform entry lists no reason text (any text would be the platform's, not ours).
// `reasonReconnect` may only name listed reasons.
const NEVER_SENT = new Set([1005, 1006, 1015]);
const SENDERS = new Set(['server', 'platform']);
const REQUIRED_TEXT = ['name', 'when', 'clientAction'];

function isInRange(code) {
  return (code >= 1000 && code <= 1015) || (code >= 4000 && code <= 4999);
}

function checkCode(entry, at, seen) {
  const { code } = entry;
  if (!Number.isInteger(code)) return [{ message: 'close code entry has no integer `code`', path: [...at, 'code'] }];
  const results = [];
  if (!isInRange(code))
    results.push({ message: `close code ${code} is not in 1000–1015 or 4000–4999`, path: [...at, 'code'] });
  if (NEVER_SENT.has(code) && entry.sentBy !== 'platform')
    results.push({
      message: `close code ${code} is reserved (1005/1006/1015): only a \`sentBy: platform\` entry may list it`,
      path: [...at, 'code'],
    });
  if (seen.has(code)) results.push({ message: `close code ${code} is listed twice`, path: [...at, 'code'] });
  seen.add(code);
  return results;
}

function checkSender(entry, at) {
  const code = entry.code ?? '?';
  if (!SENDERS.has(entry.sentBy))
    return [{ message: `close code ${code} has no \`sentBy\` (server or platform)`, path: [...at, 'sentBy'] }];
  const reasons = Array.isArray(entry.reasons) ? entry.reasons : [];
  if (entry.sentBy === 'platform' && reasons.length > 0)
    return [{ message: `close code ${code} is sent by the platform and lists reasons`, path: [...at, 'reasons'] }];
  return [];
}

function checkReasonReconnect(entry, at) {
  const overrides = entry.reasonReconnect;
  if (overrides === undefined) return [];
  const reasons = Array.isArray(entry.reasons) ? entry.reasons : [];
  return Object.keys(overrides ?? {})
    .filter((reason) => !reasons.includes(reason))
    .map((reason) => ({
      message: `close code ${entry.code ?? '?'} has a reasonReconnect for "${reason}", which it does not list`,
      path: [...at, 'reasonReconnect', reason],
    }));
}

function checkEntry(entry, at, seen) {
  if (entry === null || typeof entry !== 'object') return [{ message: 'close code entry is not an object', path: at }];
  const results = [...checkCode(entry, at, seen), ...checkSender(entry, at), ...checkReasonReconnect(entry, at)];
  for (const field of REQUIRED_TEXT) {
    const value = entry[field];
    if (typeof value !== 'string' || value.trim() === '') {
      results.push({ message: `close code ${entry.code ?? '?'} has no \`${field}\``, path: [...at, field] });
    }
  }
  return results;
}

export default function closeCodes(targetVal, _options, context) {
  if (!Array.isArray(targetVal) || targetVal.length === 0) {
    return [{ message: '`x-close-codes` must be a non-empty list', path: context.path }];
  }
  const seen = new Set();
  return targetVal.flatMap((entry, index) => checkEntry(entry, [...context.path, index], seen));
}
