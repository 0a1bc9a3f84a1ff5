// /docs in chromium: the landing page links both references and the Swift guide, the WebSocket
// reference shows the progress channel, the subprotocol auth and the close codes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findChromium, launchChromium, type LaunchedBrowser } from './chromium';
import { screenshot } from './demo-page';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('/docs', () => {
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

  it('links the HTTP and WebSocket references, the Swift guide and both bundled specs', async () => {
    const response = await page.goto(`${origin}/docs`);
    expect(response?.status()).toBe(200);
    const hrefs = await page.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(
      expect.arrayContaining(['/docs/http', '/docs/ws', '/docs/swift', '/openapi.json', '/asyncapi.json']),
    );
    await screenshot(page, 'docs-index');
  });

  it('renders the WebSocket channel, its subprotocol auth and every close code', async () => {
    await page.goto(`${origin}/docs`);
    await page.locator('a[href="/docs/ws"]').first().click();
    await page.waitForURL(`${origin}/docs/ws`);
    await page.getByText('/ws/progress').first().waitFor({ timeout: 30_000 });
    const text = await page.locator('body').innerText();
    for (const expected of [
      '/ws/progress',
      'Sec-WebSocket-Protocol',
      'bookstrack-auth.',
      'bookstrack.v1',
      'token_refreshed',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const code of ['1000', '1001', '1002', '1008', '1009', '1011', '1013'])
      expect(text, `close code ${code}`).toContain(code);
    expect(text).toContain('Token expired');
    await screenshot(page, 'docs-ws');
  });

  it('opens the Swift guide with URLSessionWebSocketTask and the subprotocol header', async () => {
    await page.goto(`${origin}/docs`);
    await page.locator('a[href="/docs/swift"]').first().click();
    await page.waitForURL(`${origin}/docs/swift`);
    const text = await page.locator('body').innerText();
    for (const expected of [
      'URLSessionWebSocketTask',
      'Sec-WebSocket-Protocol: bookstrack.v1, bookstrack-auth.<token>',
      'token_refreshed',
    ]) {
      expect(text, expected).toContain(expected);
    }
    await screenshot(page, 'docs-swift');
  });
});
