// The demo's enrichment form in chromium: the default titles run to completion and render as a table.
import { EnrichmentResultsSchema } from '@bookstrack/generated/schemas';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { findChromium, launchChromium, type LaunchedBrowser } from './chromium';
import { messagesOf, resultsOf, screenshot, watchPageErrors } from './demo-page';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('demo page enrichment form', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  let pageErrors: string[];
  const origin = inject('origin');

  beforeAll(async () => {
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.context.newPage();
    pageErrors = watchPageErrors(page);
    await page.goto(`${origin}/`);
  });

  it('enriches the three default titles and lists the found works', async () => {
    await page.getByRole('button', { name: 'Start enrichment' }).click();
    await page.locator('#results-summary', { hasText: 'books found' }).waitFor({ timeout: 60_000 });
    const results = EnrichmentResultsSchema.parse(await resultsOf(page));
    expect(results.books.map((b) => [b.input.title, b.status])).toEqual([
      ['Dune', 'found'],
      ['Pride and Prejudice', 'found'],
      ['The Left Hand of Darkness', 'found'],
    ]);
    expect(await page.locator('#results-summary').textContent()).toBe('3 of 3 books found.');
    expect(await page.locator('#results-table tbody tr').count()).toBe(3);
    expect(await messagesOf(page)).toContain('job_complete');
    await screenshot(page, 'demo-enrichment');
    expect(pageErrors).toEqual([]);
  });
});
