// The demo's scan form in chromium: an uploaded shelf photo with two ISBN barcodes runs through the
// ai_scan job (offline barcode vision + catalogue enrichment) and the detected books are listed.
import { ScanResultsSchema } from '@bookstrack/generated/schemas';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeShelfPhoto } from '../vision/shelf-photo';
import { findChromium, launchChromium, type LaunchedBrowser } from './chromium';
import { messagesOf, resultsOf, screenshot, watchPageErrors } from './demo-page';

const chromiumPath = findChromium();
const SHELF_ISBNS = ['9780141439518', '9780441172719'];

describe.skipIf(!chromiumPath)('demo page scan form', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  const origin = inject('origin');

  beforeAll(async () => {
    browser = await launchChromium(chromiumPath as string);
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('scans an uploaded shelf photo and lists the books its barcodes name', async () => {
    const pageErrors = watchPageErrors(page);
    await page.goto(`${origin}/`);
    const photo = await makeShelfPhoto({ width: 1200, height: 900, isbns: SHELF_ISBNS, format: 'jpeg', seed: 7 });
    await page
      .getByLabel(/^Bookshelf photos/)
      .setInputFiles({ name: 'shelf.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo) });
    await page.getByRole('button', { name: 'Start scan' }).click();

    await page
      .locator('#results-summary', { hasText: 'books detected' })
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        await screenshot(page, 'demo-scan-failed');
        const problem = await page.locator('#scan-form .form-problem').textContent();
        throw new Error(`${String(error)}\nform: ${problem}\nlog:\n${await page.locator('#message-log').innerText()}`);
      });
    const results = ScanResultsSchema.parse(await resultsOf(page));
    expect(results.books.map((b) => b.isbn).sort()).toEqual([...SHELF_ISBNS].sort());
    expect(await page.locator('#results-summary').textContent()).toBe(
      `2 books detected: ${results.approved} verified, ${results.needsReview} need review.`,
    );
    const table = await page.locator('#results-table').innerText();
    expect(table).toContain('9780441172719');
    expect(await page.locator('#progress-percent').textContent()).toBe('100 %');
    expect(await messagesOf(page)).toContain('job_complete');
    await screenshot(page, 'demo-scan');
    expect(pageErrors).toEqual([]);
  });
});
