import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempTree, writeTreeFile } from './temp-tree';
import { listYamlFiles, loadYaml, readYamlDocument, yamlFileStem } from './yaml';

const dir = tempTree('yaml-test-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (path: string, text: string): string => writeTreeFile(dir, path, text);

describe('YAML files', () => {
  it('loads plain data and names the file in a syntax error', () => {
    expect(loadYaml(write('ok.yaml', 'a:\n  - 1\n  - two\n'))).toEqual({ a: [1, 'two'] });
    const broken = write('broken.yaml', 'a: [1, 2\nb: 3\n');
    expect(() => loadYaml(broken)).toThrow(new RegExp(`^${broken}: `));
  });

  it('reports syntax errors with their line and leaves data undefined, keeping the document', () => {
    const read = readYamlDocument(write('bad.yaml', 'a: 1\nb: [1, 2\nc: 3\n'));
    expect(read.data).toBeUndefined();
    expect(read.errors[0]?.line).toBeGreaterThanOrEqual(2);
    expect(read.document.errors.length).toBe(read.errors.length);
  });

  it('reads the same data as loadYaml when the file is valid', () => {
    const file = write('same.yml', 'title: Dune\nyear: 1965\ntags: [sf]\n');
    expect(readYamlDocument(file)).toMatchObject({ data: loadYaml(file), errors: [] });
  });

  it('lists .yaml and .yml files only, and names a file by its stem', () => {
    write('nested/deep.yml', 'x: 1\n');
    write('notes.md', '# no');
    expect(listYamlFiles(dir).map((file) => file.slice(dir.length + 1))).toEqual([
      'bad.yaml',
      'broken.yaml',
      'nested/deep.yml',
      'ok.yaml',
      'same.yml',
    ]);
    expect(yamlFileStem('/spec/schemas/WorkDTO.yaml')).toBe('WorkDTO');
  });
});
