// The demo page in chromium against wrangler dev: a CSV import runs to 100 % and shows its results,
// and a socket dropped mid-job reconnects (ready_ack + reconnected) while the job still finishes.
import { CsvResultsSchema } from '@bookstrack/generated/schemas';
import { describe, expect, inject, it } from 'vitest';
import { findChromium } from './chromium';
import { bigCsv, messagesOf, resultsOf, screenshot, useDemoPage, type DemoGlobal } from './demo-page';

// Without chromium, global-setup.ts prints the skip message once and these tests skip.
const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('demo page', () => {
  const demo = useDemoPage(chromiumPath as string, inject('origin'));

  it('runs the sample Goodreads import to 100 % and shows the results table', async () => {
    const { page, pageErrors } = demo;
    await page.getByRole('button', { name: 'Load the sample Goodreads export' }).click();
    await expect.poll(() => page.getByLabel('…or paste CSV text').inputValue()).toContain('Book Id,Title,Author');
    await page.getByRole('button', { name: 'Start import' }).click();

    await page.locator('#results-summary', { hasText: 'books imported' }).waitFor({ timeout: 30_000 });
    const results = CsvResultsSchema.parse(await resultsOf(page));
    expect(results.books.map((b) => b.title)).toContain('The Left Hand of Darkness');
    expect(results.books.find((b) => b.title === 'Dune')).toMatchObject({
      author: 'Frank Herbert',
      isbn: '9780441172719',
      rating: 5,
      source: 'goodreads',
    });
    expect(await page.locator('#progress').getAttribute('value')).toBe('100');
    expect(await page.locator('#progress-percent').textContent()).toBe('100 %');
    const rows = await page.locator('#results-table tbody tr').count();
    expect(rows).toBe(results.books.length + results.errors.length);
    await expect.poll(() => page.locator('#results-table').innerText()).toContain('Pride and Prejudice');
    expect(await messagesOf(page)).toContain('job_complete');
    await screenshot(page, 'demo-csv-import');
    expect(pageErrors).toEqual([]);
  });

  it('reconnects with reconnected after the page drops the socket mid-job, and the job still finishes', async () => {
    const { page, pageErrors } = demo;
    const ROWS = 3000;
    // Upload as a file: this also covers the multipart path of importCsv (field `file`).
    await page
      .getByLabel(/^CSV file/)
      .setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(bigCsv(ROWS)) });
    await page.getByRole('button', { name: 'Start import' }).click();

    await page.waitForFunction(
      () => {
        const hook = (globalThis as unknown as DemoGlobal).__bookstrack;
        return hook.client?.phase === 'open' && hook.messages.includes('ready_ack');
      },
      undefined,
      { timeout: 30_000 },
    );
    const atDrop = await page.evaluate(() => {
      const hook = (globalThis as unknown as DemoGlobal).__bookstrack;
      const seen = [...hook.messages];
      hook.client?.dropConnection();
      return seen;
    });
    expect(atDrop).not.toContain('job_complete');

    await page.locator('#results-summary', { hasText: 'books imported' }).waitFor({ timeout: 60_000 });
    const afterDrop = (await messagesOf(page)).slice(atDrop.length);
    expect(afterDrop.slice(0, 2)).toEqual(['ready_ack', 'reconnected']);
    expect(afterDrop.at(-1)).toBe('job_complete');
    expect(await page.locator('#message-log li[data-kind="reconnecting"]').count()).toBe(1);
    expect(await page.locator('#message-log li[data-kind="gap"]').count()).toBe(0);

    const results = CsvResultsSchema.parse(await resultsOf(page));
    expect(results.books).toHaveLength(ROWS);
    expect(results.books[ROWS - 1]).toMatchObject({ title: `Book number ${ROWS}`, line: ROWS + 1 });
    expect(await page.locator('#progress-percent').textContent()).toBe('100 %');
    expect(await page.locator('#results-summary').textContent()).toBe(
      `${ROWS} books imported, 0 rows with errors (100 % success). Showing the first 50 of ${ROWS} rows.`,
    );
    expect(await page.locator('#results-table tbody tr').count()).toBe(50);
    await screenshot(page, 'demo-reconnect');
    expect(pageErrors).toEqual([]);
  });
});
