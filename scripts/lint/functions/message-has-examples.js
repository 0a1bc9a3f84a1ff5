// Spectral function (AsyncAPI message): the message has at least one example and every example
// carries a `payload` (the example checker then validates each payload against the message schema).
export default function messageHasExamples(targetVal, _options, context) {
  if (targetVal === null || typeof targetVal !== 'object') return [];
  const examples = targetVal.examples;
  if (!Array.isArray(examples) || examples.length === 0) {
    return [{ message: `message "${targetVal.name ?? context.path.at(-1)}" has no examples`, path: context.path }];
  }
  return examples
    .map((example, index) => ({ example, index }))
    .filter(({ example }) => example === null || typeof example !== 'object' || example.payload === undefined)
    .map(({ index }) => ({ message: 'message example has no payload', path: [...context.path, 'examples', index] }));
}
