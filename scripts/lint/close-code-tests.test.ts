// The close-code ↔ test check: every server-sent pair needs a tagged test that asserts its reason, and
// a tag that names anything else, sits on no test or in a pure-rule suite fails.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCloseCodeTests, runCloseCodeTests, SERVER_TEST_DIR, type CloseCodeEntry } from './close-code-tests';

const LIST = '/spec/asyncapi.yaml';
const ENTRIES: CloseCodeEntry[] = [
  { code: 1000, sentBy: 'server', reasons: ['Job complete'] },
  { code: 1006, sentBy: 'platform', reasons: [] },
  { code: 1013, sentBy: 'server', reasons: ['Try again later'] },
];

const durable = (name: string) => join(SERVER_TEST_DIR, 'durable', name);

function test(tag: string, body: string): string {
  return [`describe('x', () => {`, `  ${tag}`, `  it('closes', async () => {`, `    ${body}`, `  });`, `});`].join(
    '\n',
  );
}

const COMPLETE = test(
  '// provokes: 1000 Job complete',
  'expect(await s.waitClosed()).toEqual({ reason: CLOSE_REASONS.JOB_COMPLETE });',
);
const STORM = test(
  '// provokes: 1013 Try again later',
  'expect(await s.waitClosed()).toEqual({ reason: CLOSE_REASONS.TRY_AGAIN_LATER });',
);

const messages = (tests: { file: string; text: string }[]) =>
  checkCloseCodeTests(ENTRIES, tests, LIST).map((finding) => `${finding.line}: ${finding.message}`);

describe('checkCloseCodeTests', () => {
  it('passes when every server-sent pair has a tagged test that asserts its reason', () => {
    expect(messages([{ file: durable('a.test.ts'), text: `${COMPLETE}\n${STORM}` }])).toEqual([]);
  });

  it('fails for a server-sent pair that no test provokes, and never asks a test of a platform code', () => {
    expect(messages([{ file: durable('a.test.ts'), text: COMPLETE }])).toEqual([
      '0: close 1013 "Try again later" has no test tagged `// provokes: 1013 Try again later`',
    ]);
  });

  it('fails with no tests at all rather than passing on nothing', () => {
    expect(messages([])).toHaveLength(2);
  });

  it('rejects a tag for a code or a reason that is not in the list, and one for a platform code', () => {
    const unknown = test('// provokes: 4001 Nope', 'CLOSE_REASONS.NOPE');
    const wrongReason = test('// provokes: 1000 Job done', 'CLOSE_REASONS.JOB_DONE');
    const platform = test('// provokes: 1006 Lost', 'CLOSE_REASONS.LOST');
    const tests = [COMPLETE, STORM, unknown, wrongReason, platform].map((text, i) => ({
      file: durable(`${i}.test.ts`),
      text,
    }));
    expect(messages(tests)).toEqual([
      '2: provokes: 4001 Nope: close code 4001 is not in x-close-codes',
      '2: provokes: 1000 Job done: close code 1000 has no reason "Job done" in x-close-codes',
      '2: provokes: 1006 Lost: close code 1006 is sent by the platform: no server test provokes it',
    ]);
  });

  it('does not count a tag whose test does not assert the reason constant, or that sits on no test', () => {
    const silent = test('// provokes: 1000 Job complete', 'expect(await s.waitClosed()).toBeDefined();');
    const loose = ['// provokes: 1013 Try again later', 'const reason = CLOSE_REASONS.TRY_AGAIN_LATER;'].join('\n');
    expect(
      messages([
        { file: durable('a.test.ts'), text: silent },
        { file: durable('b.test.ts'), text: loose },
      ]),
    ).toEqual([
      '2: provokes: 1000 Job complete: the test does not assert CLOSE_REASONS.JOB_COMPLETE',
      '1: provokes: 1013 Try again later: the tag is not directly above an it(...) or test(...)',
      '0: close 1000 "Job complete" has no test tagged `// provokes: 1000 Job complete`',
      '0: close 1013 "Try again later" has no test tagged `// provokes: 1013 Try again later`',
    ]);
  });

  it('reads only the tagged test: the reason asserted by the next test does not count', () => {
    const text = [
      `describe('x', () => {`,
      '  // provokes: 1000 Job complete',
      `  it('says nothing', () => {});`,
      `  it('closes', () => {`,
      '    expect(s).toEqual({ reason: CLOSE_REASONS.JOB_COMPLETE });',
      '  });',
      '});',
    ].join('\n');
    expect(
      messages([
        { file: durable('a.test.ts'), text },
        { file: durable('b.test.ts'), text: STORM },
      ]),
    ).toEqual([
      '2: provokes: 1000 Job complete: the test does not assert CLOSE_REASONS.JOB_COMPLETE',
      '0: close 1000 "Job complete" has no test tagged `// provokes: 1000 Job complete`',
    ]);
  });

  it('does not let a pure-rule test stand in for a socket that was really closed', () => {
    const rule = join(SERVER_TEST_DIR, 'jobs', 'socket-admission.test.ts');
    expect(
      messages([
        { file: rule, text: COMPLETE },
        { file: durable('b.test.ts'), text: STORM },
      ])[0],
    ).toBe(
      '2: provokes: 1000 Job complete: only tests that drive a real socket (durable, e2e, reliability, routes, fuzz) provoke a close',
    );
  });
});

describe('the repository', () => {
  it('has a tagged test for every server-sent close code and reason of the spec', () => {
    expect(runCloseCodeTests().map((finding) => finding.message)).toEqual([]);
  });
});
