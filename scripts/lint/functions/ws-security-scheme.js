// Spectral function: the WebSocket security scheme carries the job token in `Sec-WebSocket-Protocol`
// (browsers cannot set other headers on a WebSocket handshake), stated as AsyncAPI `httpApiKey`, with
// `x-subprotocol` giving the `bookstrack-auth.<token>` prefix and the echo rule.
const HEADER = 'Sec-WebSocket-Protocol';

export default function wsSecurityScheme(targetVal, _options, context) {
  if (targetVal === null || typeof targetVal !== 'object') return [];
  const at = context.path;
  const results = [];
  if (targetVal.type !== 'httpApiKey') {
    results.push({
      message: `security scheme type is "${targetVal.type}", expected "httpApiKey"`,
      path: [...at, 'type'],
    });
  }
  if (targetVal.in !== 'header') {
    results.push({ message: `security scheme is in "${targetVal.in}", expected "header"`, path: [...at, 'in'] });
  }
  if (targetVal.name !== HEADER) {
    results.push({
      message: `security scheme header is "${targetVal.name}", expected "${HEADER}"`,
      path: [...at, 'name'],
    });
  }
  const subprotocol = targetVal['x-subprotocol'];
  if (subprotocol === null || typeof subprotocol !== 'object') {
    results.push({ message: 'security scheme has no `x-subprotocol` (token format and echo rule)', path: at });
  } else {
    for (const field of ['authPrefix', 'echoRule']) {
      if (typeof subprotocol[field] !== 'string' || subprotocol[field] === '') {
        results.push({ message: `\`x-subprotocol\` has no \`${field}\``, path: [...at, 'x-subprotocol'] });
      }
    }
  }
  return results;
}
