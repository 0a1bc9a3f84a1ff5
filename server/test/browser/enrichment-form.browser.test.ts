// The demo's enrichment form in chromium: the default titles run to completion and render as a table.
import { EnrichmentResultsSchema } from '@bookstrack/generated/schemas';
import { describe, expect, inject, it } from 'vitest';
import { findChromium } from './chromium';
import { messagesOf, resultsOf, screenshot, useDemoPage } from './demo-page';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('demo page enrichment form', () => {
  const demo = useDemoPage(chromiumPath as string, inject('origin'));

  it('enriches the three default titles and lists the found works', async () => {
    const { page, pageErrors } = demo;
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
