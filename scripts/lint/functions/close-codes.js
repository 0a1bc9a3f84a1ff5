// Spectral function: checks an `x-close-codes` list. Codes are unique, in 1000–1015 (IANA-registered
// range) or 4000–4999 (private use), never 1005/1006/1015 (reserved: must not be sent in a close frame),
// and each entry names the code and says when it is sent and what the client does.
const NEVER_SENT = new Set([1005, 1006, 1015]);
const REQUIRED_TEXT = ['name', 'when', 'clientAction'];

function isAllowedCode(code) {
  const inStandardRange = code >= 1000 && code <= 1015;
  const inPrivateRange = code >= 4000 && code <= 4999;
  return (inStandardRange || inPrivateRange) && !NEVER_SENT.has(code);
}

function checkEntry(entry, at, seen) {
  if (entry === null || typeof entry !== 'object') return [{ message: 'close code entry is not an object', path: at }];
  const results = [];
  const { code } = entry;
  if (!Number.isInteger(code)) {
    results.push({ message: 'close code entry has no integer `code`', path: [...at, 'code'] });
  } else {
    if (!isAllowedCode(code)) {
      results.push({
        message: `close code ${code} is not in 1000–1015 or 4000–4999, or is reserved (1005/1006/1015)`,
        path: [...at, 'code'],
      });
    }
    if (seen.has(code)) results.push({ message: `close code ${code} is listed twice`, path: [...at, 'code'] });
    seen.add(code);
  }
  for (const field of REQUIRED_TEXT) {
    const value = entry[field];
    if (typeof value !== 'string' || value.trim() === '') {
      results.push({ message: `close code ${code ?? '?'} has no \`${field}\``, path: [...at, field] });
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
