// Spectral function: rejects `ping`/`pong` as a name anywhere (the contract has no heartbeat).
// Checks identifiers only (object keys, operationIds, names, titles, channel addresses, `type`/`const`/`enum`
// values); prose (`description`, `summary`) may explain why there is no heartbeat.
const BANNED_WORDS = new Set(['ping', 'pong']);
const IDENTIFIER_KEYS = new Set(['operationId', 'messageId', 'name', 'title', 'address', 'const', 'type', '$ref']);

/** Splits `sendPing`, `ping_message`, `/ws/pong` into lower-case words. */
function wordsOf(identifier) {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isBanned(identifier) {
  return typeof identifier === 'string' && wordsOf(identifier).some((word) => BANNED_WORDS.has(word));
}

function visit(node, path, results) {
  if (Array.isArray(node)) {
    node.forEach((item, index) => visit(item, [...path, index], results));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const at = [...path, key];
    if (isBanned(key)) results.push({ message: `"${key}" names a ping/pong; the contract has no heartbeat`, path: at });
    if (IDENTIFIER_KEYS.has(key) && isBanned(value)) {
      results.push({ message: `${key} "${value}" names a ping/pong; the contract has no heartbeat`, path: at });
    }
    if (key === 'enum' && Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isBanned(item)) results.push({ message: `enum value "${item}" names a ping/pong`, path: [...at, index] });
      });
    }
    visit(value, at, results);
  }
}

export default function noPingPong(targetVal, _options, context) {
  const results = [];
  visit(targetVal, context.path, results);
  return results;
}
