// Spectral function (OpenAPI operation): every request body and every 2xx response body has an example,
// given on the media type (`example`/`examples`) or on its schema (`examples`). Operations without any
// body (the 101 WebSocket upgrade) have nothing to show and pass.
function hasExample(mediaType) {
  if (mediaType === null || typeof mediaType !== 'object') return false;
  if (mediaType.example !== undefined) return true;
  if (mediaType.examples && Object.keys(mediaType.examples).length > 0) return true;
  const schema = mediaType.schema;
  if (schema && Array.isArray(schema.examples) && schema.examples.length > 0) return true;
  return Boolean(schema && schema.example !== undefined);
}

function missingIn(content, at, what) {
  if (content === null || typeof content !== 'object') return [];
  return Object.entries(content)
    .filter(([, mediaType]) => !hasExample(mediaType))
    .map(([type]) => ({ message: `${what} (${type}) has no example`, path: [...at, type] }));
}

export default function operationHasExamples(targetVal, _options, context) {
  if (targetVal === null || typeof targetVal !== 'object') return [];
  const at = context.path;
  const results = missingIn(targetVal.requestBody?.content, [...at, 'requestBody', 'content'], 'request body');
  for (const [status, response] of Object.entries(targetVal.responses ?? {})) {
    if (!/^2/.test(status)) continue;
    results.push(...missingIn(response?.content, [...at, 'responses', status, 'content'], `${status} response`));
  }
  return results;
}
