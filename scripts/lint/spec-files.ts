// Loads every YAML file of a spec tree with its line map, so any lint step can point at file:line
// for a JSON path inside any file.
import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { PathSegment } from '../core/json-pointer';
import { listFiles } from '../core/list-files';

export interface SpecFile {
  file: string;
  data: unknown;
  document: Document;
  lines: LineCounter;
  /** YAML syntax errors; a file with errors has `data` undefined. */
  errors: { message: string; line: number; column: number }[];
}

export function loadSpecFile(file: string): SpecFile {
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
  const errors = document.errors.map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return { message: error.message, line, column: col };
  });
  return { file, data: errors.length > 0 ? undefined : document.toJS(), document, lines, errors };
}

export function loadSpecTree(dir: string): Map<string, SpecFile> {
  const files = listFiles(dir, (name) => /\.ya?ml$/.test(name));
  return new Map(files.map((file) => [file, loadSpecFile(file)]));
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
