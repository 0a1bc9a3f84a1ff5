// Spectral function (AsyncAPI operation): an operation shows what travels through its messages, so it
// names at least one message and each of them has an example.
export default function asyncOperationHasExamples(targetVal, _options, context) {
  if (targetVal === null || typeof targetVal !== 'object') return [];
  const messages = targetVal.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    return [{ message: 'operation lists no messages, so it has no example', path: context.path }];
  }
  return messages
    .map((message, index) => ({ message, index }))
    .filter(({ message }) => !Array.isArray(message?.examples) || message.examples.length === 0)
    .map(({ index }) => ({ message: 'operation message has no example', path: [...context.path, 'messages', index] }));
}
