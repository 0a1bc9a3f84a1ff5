// Loads every YAML file of a spec tree with its line map, so any lint step can point at file:line
// for a JSON path inside any file.
import { isMap, isScalar, isSeq } from 'yaml';
import type { PathSegment } from '../core/json-pointer';
import { listYamlFiles, readYamlDocument, type YamlDocument } from '../core/yaml';

/** A spec file as lint reads it: `data` is undefined when `errors` lists YAML syntax errors. */
export interface SpecFile extends YamlDocument {
  file: string;
}

export function loadSpecFile(file: string): SpecFile {
  return { file, ...readYamlDocument(file) };
}

export function loadSpecTree(dir: string): Map<string, SpecFile> {
  return new Map(listYamlFiles(dir).map((file) => [file, loadSpecFile(file)]));
}

interface RangedNode {
  range?: [number, number, number];
}

/** Child of a YAML map or sequence by key (map keys compare as strings: `200:` matches "200"), with
 * the node to point at: the key of a map entry, so a finding lands on the line naming the entry. */
function childOf(node: unknown, segment: PathSegment): { value: unknown; anchor: RangedNode | undefined } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment));
    return pair ? { value: pair.value, anchor: (pair.key ?? pair.value) as RangedNode | undefined } : undefined;
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item ? { value: item, anchor: item as RangedNode } : undefined;
  }
  return undefined;
}

/** 1-based line/column of the deepest existing node on `path` (the file start when nothing matches). */
export function locate(spec: SpecFile, path: readonly PathSegment[]): { line: number; column: number } {
  let node: unknown = spec.document.contents;
  let found = node as RangedNode | null | undefined;
  for (const segment of path) {
    const child = childOf(node, segment);
    if (!child) break;
    node = child.value;
    found = child.anchor ?? found;
  }
  if (!found?.range) return { line: 1, column: 1 };
  const { line, col } = spec.lines.linePos(found.range[0]);
  return { line, column: col };
}
