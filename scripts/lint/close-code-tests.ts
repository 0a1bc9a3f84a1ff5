// Keeps `x-close-codes` and the server tests in step. A test that makes the server close a socket says
// so on the line above its `it(`: `// provokes: 1013 Try again later`. Every (code, reason) the list
// marks `sentBy: server` needs such a test; a tag must sit above a test in a suite that drives a real
// Durable Object or `wrangler dev`, name a server-sent pair of the list, and the test must assert the
// generated constant of that reason, so a tag on an unrelated test, a platform code (no server test
// can provoke it) or a pair missing from the list fails the lint.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { listFiles } from '../core/list-files';
import { REPO_ROOT, specPaths } from '../core/paths';
import { loadYaml } from '../core/yaml';
import { textToUpperSnake } from '../lib/names';
import type { Finding } from './finding';

export const SERVER_TEST_DIR = join(REPO_ROOT, 'server', 'test');
/** Suites whose tests open real sockets on a Durable Object (server/test/jobs holds pure rules). */
const PROVOKING_SUITES = ['durable', 'e2e', 'reliability', 'routes', 'fuzz'];
const TAG = /^\s*\/\/\s*provokes:\s*(\d+)\s+(\S.*?)\s*$/;
const TEST_START = /^\s*(it|test)(\.\w+)*\(/;

const CloseCodeEntry = z.object({
  code: z.int(),
  sentBy: z.enum(['server', 'platform']),
  reasons: z.array(z.string()),
});
export type CloseCodeEntry = z.infer<typeof CloseCodeEntry>;

export interface SourceFile {
  /** Absolute path. */
  file: string;
  text: string;
}

interface Tag {
  file: string;
  line: number;
  code: number;
  reason: string;
}

const finding = (file: string, line: number, message: string): Finding => ({
  tool: 'bookstrack',
  rule: 'close-code-tests',
  severity: 'error',
  message,
  file,
  line,
  column: 1,
});

/** Round-bracket depth change of one line, not counting brackets inside quotes or after `//`. */
function depthChange(line: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '/' && line[i + 1] === '/') break;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
  }
  return depth;
}

/** The lines of the test call that starts at `start` (0-based), up to the line that closes its `it(`. */
function testBody(lines: readonly string[], start: number): string {
  let depth = 0;
  for (let index = start; index < lines.length; index++) {
    depth += depthChange(lines[index] ?? '');
    if (depth <= 0) return lines.slice(start, index + 1).join('\n');
  }
  return lines.slice(start).join('\n');
}

function isProvokingSuite(file: string): boolean {
  const [suite] = relative(SERVER_TEST_DIR, file).split('/');
  return suite !== undefined && PROVOKING_SUITES.includes(suite);
}

/** Checks one tag against the list and its test; returns the problem, or undefined for a valid tag. */
function tagProblem(tag: Tag, lines: readonly string[], index: number, entries: CloseCodeEntry[]): string | undefined {
  const entry = entries.find((candidate) => candidate.code === tag.code);
  if (!entry) return `close code ${tag.code} is not in x-close-codes`;
  if (entry.sentBy !== 'server') return `close code ${tag.code} is sent by the platform: no server test provokes it`;
  if (!entry.reasons.includes(tag.reason))
    return `close code ${tag.code} has no reason "${tag.reason}" in x-close-codes`;
  if (!isProvokingSuite(tag.file))
    return `only tests that drive a real socket (${PROVOKING_SUITES.join(', ')}) provoke a close`;
  const next = lines.findIndex((line, at) => at > index && !TAG.test(line));
  const start = next === -1 ? undefined : TEST_START.exec(lines[next] ?? '');
  if (!start) return 'the tag is not directly above an it(...) or test(...)';
  const constant = `CLOSE_REASONS.${textToUpperSnake(tag.reason)}`;
  if (!testBody(lines, next).includes(constant)) return `the test does not assert ${constant}`;
  return undefined;
}

/** Findings for the given list and test sources: bad tags, and server-sent pairs no test provokes. */
export function checkCloseCodeTests(
  entries: CloseCodeEntry[],
  tests: readonly SourceFile[],
  listFile: string,
): Finding[] {
  const findings: Finding[] = [];
  const provoked = new Set<string>();
  for (const { file, text } of tests) {
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      const match = TAG.exec(line);
      if (!match) return;
      const tag = { file, line: index + 1, code: Number(match[1]), reason: match[2] ?? '' };
      const problem = tagProblem(tag, lines, index, entries);
      if (problem) findings.push(finding(file, tag.line, `provokes: ${tag.code} ${tag.reason}: ${problem}`));
      else provoked.add(`${tag.code} ${tag.reason}`);
    });
  }
  for (const entry of entries.filter((candidate) => candidate.sentBy === 'server')) {
    for (const reason of entry.reasons) {
      if (!provoked.has(`${entry.code} ${reason}`))
        findings.push(
          finding(
            listFile,
            0,
            `close ${entry.code} "${reason}" has no test tagged \`// provokes: ${entry.code} ${reason}\``,
          ),
        );
    }
  }
  return findings;
}

/** The check over the repository: spec/asyncapi/asyncapi.yaml against server/test/**.ts. */
export function runCloseCodeTests(asyncapiFile = specPaths().asyncapi, testDir = SERVER_TEST_DIR): Finding[] {
  const document = z
    .object({ channels: z.record(z.string(), z.object({ 'x-close-codes': z.array(CloseCodeEntry).optional() })) })
    .parse(loadYaml(asyncapiFile));
  const entries = Object.values(document.channels).flatMap((channel) => channel['x-close-codes'] ?? []);
  const tests = listFiles(testDir, (name) => name.endsWith('.ts')).map((file) => ({
    file,
    text: readFileSync(file, 'utf8'),
  }));
  return checkCloseCodeTests(entries, tests, asyncapiFile);
}
