// Lint step for "a field name means one thing in every message and snapshot": across the WebSocket
// message and payload schemas (`*Message.yaml`, `*Payload.yaml`) and the job-state snapshot
// (`JobState.yaml`), every property of one name has one shape (JSON type, format and enum, read
// through `$ref`s), so one client view model can read `status` or `statusText` from any of them.
import { basename, dirname, resolve } from 'node:path';
import type { Finding } from './finding';
import { loadSpecFile, locate, type SpecFile } from './spec-files';

const RULE = 'bookstrack-one-meaning-per-field';
const IN_SCOPE = /(?:Message|Payload)\.yaml$|^JobState\.yaml$/;

type Load = (file: string) => SpecFile | undefined;

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `string:date-time`, `integer`, `string enum[a|b]`, `array of …`; a `const` (a tag) counts as its type. */
export function shapeOf(schema: unknown, fromFile: string, load: Load, depth = 0): string {
  const node = asRecord(schema);
  if (typeof node.$ref === 'string' && depth < 8) {
    const file = resolve(dirname(fromFile), node.$ref.split('#')[0] ?? '');
    return shapeOf(load(file)?.data, file, load, depth + 1);
  }
  const type = Array.isArray(node.type) ? node.type.join('|') : String(node.type ?? 'any');
  const format = typeof node.format === 'string' ? `:${node.format}` : '';
  const values = Array.isArray(node.enum) ? ` enum[${node.enum.map(String).sort().join('|')}]` : '';
  const items = type === 'array' ? ` of ${shapeOf(node.items, fromFile, load, depth + 1)}` : '';
  return `${type}${format}${values}${items}`;
}

interface Site {
  spec: SpecFile;
  name: string;
  shape: string;
}

export function findFieldMeaningClashes(schemaFiles: readonly SpecFile[], load: Load = loadSpecFile): Finding[] {
  const byName = new Map<string, Site[]>();
  for (const spec of schemaFiles.filter((file) => IN_SCOPE.test(basename(file.file)))) {
    for (const [name, property] of Object.entries(asRecord(asRecord(spec.data).properties))) {
      const site = { spec, name, shape: shapeOf(property, spec.file, load) };
      byName.set(name, [...(byName.get(name) ?? []), site]);
    }
  }
  return [...byName.values()].flatMap((sites) => {
    const shapes = new Map<string, string[]>();
    for (const { spec, shape } of sites) shapes.set(shape, [...(shapes.get(shape) ?? []), basename(spec.file)]);
    if (shapes.size < 2) return [];
    const meanings = [...shapes].map(([shape, files]) => `${shape} (${files.join(', ')})`).join(' vs ');
    return sites.map(({ spec, name }) => ({
      tool: 'bookstrack',
      rule: RULE,
      severity: 'error' as const,
      message: `field "${name}" has ${shapes.size} meanings across messages and snapshots: ${meanings}; give each its own name`,
      file: spec.file,
      ...locate(spec, ['properties', name]),
    }));
  });
}
