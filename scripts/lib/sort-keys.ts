// Stable key order for bundled documents: component maps are sorted by name so a renamed or
// added file moves one block, never reorders the rest.
import { compareStrings } from '../core/list-files';
import { isSchema, type JsonSchema } from './json-schema';

export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}

/** Sorts every map under `components` (schemas, messages, responses, ...) by key. */
export function sortComponents(document: JsonSchema): JsonSchema {
  const components = document.components;
  if (!isSchema(components)) return document;
  const sorted = Object.fromEntries(
    Object.entries(components).map(([kind, map]) => [kind, isSchema(map) ? sortedRecord(map) : map]),
  );
  return { ...document, components: sortedRecord(sorted) };
}

/** JSON text with two-space indent and a final newline: the on-disk form of bundled documents. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
