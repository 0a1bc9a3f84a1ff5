// redocly.yaml's replacement rules: 101 counts as success, and input-taking operations need a 4XX.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_FIXTURES_DIR } from '../core/paths';
import { runRedocly } from './redocly';

describe('redocly.yaml tuning', () => {
  it('reports only the operations the replacement rules are written for', async () => {
    const findings = await runRedocly(undefined, [join(LINT_FIXTURES_DIR, 'redocly-tuning.openapi.yaml')]);
    const reported = findings.map((finding) => `${finding.line} ${finding.rule}`).sort();
    expect(reported).toEqual([
      '40 rule/body-operation-4xx-response',
      '51 rule/parameter-operation-4xx-response',
      '57 rule/operation-success-response',
    ]);
  }, 60_000);
});
