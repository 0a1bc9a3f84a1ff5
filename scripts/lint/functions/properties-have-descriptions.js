// Spectral function: every property of a `properties` map carries a non-empty `description`.
// Given `$..properties`; skips matches inside examples and `x-` extensions, where `properties` is data.
function isDataPath(path) {
  return path.some((segment) => segment === 'examples' || segment === 'example' || String(segment).startsWith('x-'));
}

export default function propertiesHaveDescriptions(targetVal, _options, context) {
  if (isDataPath(context.path) || targetVal === null || typeof targetVal !== 'object' || Array.isArray(targetVal)) {
    return [];
  }
  const results = [];
  for (const [name, schema] of Object.entries(targetVal)) {
    if (schema === null || typeof schema !== 'object') continue;
    if (typeof schema.description === 'string' && schema.description.trim() !== '') continue;
    results.push({ message: `property "${name}" has no description`, path: [...context.path, name] });
  }
  return results;
}
