// How the scripts read YAML: `loadYaml` for data (a syntax error throws, naming the file) and
// `readYamlDocument` for lint, which keeps the node tree and line positions and reports syntax
// errors instead of throwing; plus which files of a tree are YAML.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parse, parseDocument, type Document } from 'yaml';
import { listFiles } from './list-files';

const YAML_EXTENSION = /\.ya?ml$/;

export const isYamlFile = (name: string): boolean => YAML_EXTENSION.test(name);

/** Every `.yaml`/`.yml` file under `dir`, sorted by path. */
export function listYamlFiles(dir: string): string[] {
  return listFiles(dir, isYamlFile);
}

/** `spec/schemas/WorkDTO.yaml` → `WorkDTO`. */
export function yamlFileStem(path: string): string {
  return basename(path).replace(YAML_EXTENSION, '');
}

export function loadYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface YamlSyntaxError {
  message: string;
  line: number;
  column: number;
}

export interface YamlDocument {
  /** The plain value; undefined when the file has syntax errors. */
  data: unknown;
  document: Document;
  lines: LineCounter;
  errors: YamlSyntaxError[];
}

export function readYamlDocument(path: string): YamlDocument {
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false });
  const errors = document.errors.map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return { message: error.message, line, column: col };
  });
  return { data: errors.length > 0 ? undefined : document.toJS(), document, lines, errors };
}
