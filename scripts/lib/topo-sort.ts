// Dependency order for named schemas: a `const XSchema` must be declared after everything it
// references. Ties break alphabetically so the order never depends on directory listing.
import { collectRefs, refTypeName } from './json-schema';
import type { SchemaMap } from './schema-files';
import { compareStrings } from '../core/list-files';

export function dependenciesOf(schemas: SchemaMap, name: string): string[] {
  const schema = schemas.get(name);
  if (!schema) throw new Error(`unknown schema ${name}`);
  const deps = [...new Set(collectRefs(schema).map(refTypeName))].sort(compareStrings);
  for (const dep of deps) {
    if (!schemas.has(dep)) throw new Error(`${name} references missing schema ${dep}`);
  }
  return deps;
}

/** Names in declaration order; throws on a reference cycle (none exist in the spec today). */
export function topoSort(schemas: SchemaMap): string[] {
  const done = new Set<string>();
  const visiting: string[] = [];
  const order: string[] = [];
  const visit = (name: string): void => {
    if (done.has(name)) return;
    if (visiting.includes(name)) throw new Error(`schema reference cycle: ${[...visiting, name].join(' → ')}`);
    visiting.push(name);
    dependenciesOf(schemas, name).forEach(visit);
    visiting.pop();
    done.add(name);
    order.push(name);
  };
  [...schemas.keys()].sort(compareStrings).forEach(visit);
  return order;
}
