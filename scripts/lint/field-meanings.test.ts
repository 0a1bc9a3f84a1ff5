import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { specPaths } from '../core/paths';
import { tempTree } from '../core/temp-tree';
import { listYamlFiles } from '../core/yaml';
import { findFieldMeaningClashes } from './field-meanings';
import { loadSpecFile } from './spec-files';

const dirs: string[] = [];

function lint(files: Record<string, string>) {
  const dir = tempTree('field-meanings-', files);
  dirs.push(dir);
  const findings = findFieldMeaningClashes(listYamlFiles(dir).map(loadSpecFile));
  return findings.map((f) => ({ file: f.file.slice(dir.length + 1), line: f.line, message: f.message }));
}

const STATUS = 'title: Status\ntype: string\nenum: [running, completed]\n';

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('bookstrack-one-meaning-per-field', () => {
  it('reports a name that is display text in one payload and an enum in the snapshot, at every site', () => {
    const findings = lint({
      'Status.yaml': STATUS,
      'ProgressPayload.yaml': 'type: object\nproperties:\n  progress:\n    type: number\n  status:\n    type: string\n',
      'JobState.yaml': 'type: object\nproperties:\n  status:\n    $ref: ./Status.yaml\n    description: Lifecycle.\n',
    });
    const message =
      'field "status" has 2 meanings across messages and snapshots: string enum[completed|running] (JobState.yaml) vs string (ProgressPayload.yaml); give each its own name';
    expect(findings).toEqual([
      { file: 'JobState.yaml', line: 3, message },
      { file: 'ProgressPayload.yaml', line: 5, message },
    ]);
  });

  it('reports timestamps in two units under one name', () => {
    const findings = lint({
      'AMessage.yaml': 'type: object\nproperties:\n  timestamp:\n    type: integer\n',
      'BPayload.yaml': 'type: object\nproperties:\n  timestamp:\n    type: string\n    format: date-time\n',
    });
    expect(findings.map((f) => f.file)).toEqual(['AMessage.yaml', 'BPayload.yaml']);
    expect(findings[0]?.message).toContain('integer (AMessage.yaml) vs string:date-time (BPayload.yaml)');
  });

  it('accepts one shape under different bounds, type tags with different consts, and schemas out of scope', () => {
    expect(
      lint({
        'Status.yaml': STATUS,
        'AMessage.yaml':
          'type: object\nproperties:\n  type:\n    const: a\n    type: string\n  seq:\n    type: integer\n    minimum: 1\n',
        'BMessage.yaml':
          'type: object\nproperties:\n  type:\n    const: b\n    type: string\n  seq:\n    type: integer\n    minimum: 0\n',
        'ProgressPayload.yaml': 'type: object\nproperties:\n  statusText:\n    type: string\n',
        'JobState.yaml': 'type: object\nproperties:\n  status:\n    $ref: ./Status.yaml\n',
        'EnrichedBook.yaml': 'type: object\nproperties:\n  status:\n    type: string\n',
      }),
    ).toEqual([]);
  });

  it('finds no clash in the real spec', () => {
    const files = listYamlFiles(specPaths().schemas).map(loadSpecFile);
    expect(findFieldMeaningClashes(files)).toEqual([]);
    expect(files.length).toBeGreaterThan(40);
  });
});
