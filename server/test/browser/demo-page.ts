// Page-side helpers for the demo tests: the `window.__bookstrack` hook the demo exposes, typed for
// Node (the server tsconfig has no DOM lib), screenshots into the gitignored artifacts/ folder.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchChromium, type LaunchedBrowser } from './chromium';

export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../../artifacts');

/** The slice of the demo's DemoHook the tests read (client/demo/job-runner.ts). */
export interface DemoHookView {
  messages: string[];
  results?: unknown;
  client?: { dropConnection(): void; phase: string; lastSeq?: number };
}

export type DemoGlobal = { __bookstrack: DemoHookView };

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = resolve(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export function messagesOf(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(globalThis as unknown as DemoGlobal).__bookstrack.messages]);
}

export function resultsOf(page: Page): Promise<unknown> {
  return page.evaluate(() => (globalThis as unknown as DemoGlobal).__bookstrack.results);
}

/** Collects uncaught page errors and console errors, so a test can assert there were none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** A generic `title,author` CSV with `rows` books: several 500-row job steps. */
export function bigCsv(rows: number): string {
  const lines = ['title,author'];
  for (let i = 1; i <= rows; i += 1) lines.push(`Book number ${i},Author ${i % 97}`);
  return `${lines.join('\n')}\n`;
}

/** The demo page opened fresh for each test of a suite, with its page errors recorded. */
export interface DemoPageSession {
  readonly page: Page;
  readonly pageErrors: string[];
}

/** Registers the suite's hooks: one chromium per suite, a new page at `/` before each test. */
export function useDemoPage(chromiumPath: string, origin: string): DemoPageSession {
  let browser: LaunchedBrowser | undefined;
  const session = { page: undefined as unknown as Page, pageErrors: [] as string[] };
  beforeAll(async () => {
    browser = await launchChromium(chromiumPath);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('chromium did not start');
    session.page = await browser.context.newPage();
    session.pageErrors = watchPageErrors(session.page);
    await session.page.goto(`${origin}/`);
  });
  return session;
}
