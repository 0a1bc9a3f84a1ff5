// Spectral function: only the listed `x-` extensions appear (options.allowed), so every value without a
// JSON Schema home is documented in spec/README.md and read by the generator. Example values are data
// and are not searched; the content of an allowed extension is its own business.
function visit(node, path, allowed, results) {
  if (Array.isArray(node)) {
    node.forEach((item, index) => visit(item, [...path, index], allowed, results));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const at = [...path, key];
    if (key === 'examples' || key === 'example') continue;
    if (key.startsWith('x-')) {
      if (!allowed.has(key)) results.push({ message: `extension "${key}" is not in the allowed list`, path: at });
      continue;
    }
    visit(value, at, allowed, results);
  }
}

export default function allowedExtensions(targetVal, options, context) {
  const results = [];
  visit(targetVal, context.path, new Set(options.allowed), results);
  return results;
}
