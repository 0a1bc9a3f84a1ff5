import { readFileSync } from 'node:fs';
import { CLOSE_CODE_TABLE } from '@bookstrack/generated/constants';
import { describe, expect, it } from 'vitest';

// SWIFT.md restates the close-code table for Swift readers (the generated Swift `CloseCode` carries
// it as code); this keeps that prose in step with the spec's x-close-codes.
const swiftGuide = readFileSync(new URL('../SWIFT.md', import.meta.url), 'utf8');

function swiftTableRows(): { code: number; reasons: string[]; reconnect: string }[] {
  return swiftGuide
    .split('\n')
    .filter((line) => /^\| 10\d\d \|/.test(line))
    .map((line) => {
      const [code = '', reasons = '', reconnect = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      return {
        code: Number(code),
        reasons: [...reasons.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''),
        reconnect: reconnect.split(' ')[0] ?? '',
      };
    });
}

describe('SWIFT.md', () => {
  it('lists every close code with the reasons and reconnect policy of the generated table', () => {
    const expected = CLOSE_CODE_TABLE.map((entry) => ({
      code: entry.code,
      reasons: [...entry.reasons],
      reconnect: entry.reconnect,
    }));
    expect(swiftTableRows()).toEqual(expected);
  });

  it('states the delays and jitter of the after_delay codes as the table does', () => {
    for (const entry of CLOSE_CODE_TABLE) {
      if (!('retryAfterMs' in entry)) continue;
      const jitter = 'retryJitterMs' in entry ? ` + up to ${entry.retryJitterMs / 1000} s jitter` : '';
      expect(swiftGuide).toContain(`| after_delay ${entry.retryAfterMs / 1000} s${jitter} |`);
    }
  });

  it('states every per-reason reconnect override of the table in its row', () => {
    for (const entry of CLOSE_CODE_TABLE) {
      const overrides: Record<string, string> = 'reasonReconnect' in entry ? entry.reasonReconnect : {};
      const row = swiftGuide.split('\n').find((line) => line.startsWith(`| ${entry.code} |`)) ?? '';
      for (const [reason, reconnect] of Object.entries(overrides))
        expect(row).toContain(`\`${reason}\`: ${reconnect})`);
    }
  });
});
