// Every /docs page in chromium at 1280 px, as a reader sees it: screenshotted into artifacts/, no
// text node outside code with a backtick pair, every mermaid block drawn as SVG, nothing floating
// over the content, no request outside the page's origin, and every operation and message with its
// example and its code samples. Prints each page's transferred weight (a figure, not an assertion).
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findChromium, launchChromium, type LaunchedBrowser } from './chromium';
import { screenshot } from './demo-page';
import { documentedItems, floatingOverlaps, mermaidState, textNodesWithBackticks } from './docs-probes';

const chromiumPath = findChromium();

const PAGES = ['/docs', '/docs/http', '/docs/ws', '/docs/walkthrough', '/docs/swift'] as const;
const OPERATION_SAMPLES = ['curl', 'ts', 'swift'];
const MESSAGE_SAMPLES = ['ts', 'swift'];

interface OpenedPage {
  status: number | undefined;
  foreign: string[];
  bytes: number;
}

/** Bytes on the wire (headers + encoded body) and the decoded body size of one request. */
async function weigh(request: Request): Promise<{ wire: number; decoded: number }> {
  try {
    const sizes = await request.sizes();
    const body = await (await request.response())?.body();
    return { wire: sizes.responseBodySize + sizes.responseHeadersSize, decoded: body?.length ?? 0 };
  } catch {
    return { wire: 0, decoded: 0 };
  }
}

describe.skipIf(!chromiumPath)('the /docs site at 1280 px', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  const origin = inject('origin');
  const opened = new Map<string, OpenedPage>();
  let operationIds: string[] = [];
  let messageNames: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium(chromiumPath as string);
    page = await browser.context.newPage();
    // Every open weighs the page with all its assets, as a first visit would.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const openapi = (await (await fetch(`${origin}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    operationIds = Object.values(openapi.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (op.operationId ? [op.operationId] : [])),
    );
    const asyncapi = (await (await fetch(`${origin}/asyncapi.json`)).json()) as {
      channels: Record<string, { messages: Record<string, unknown> }>;
    };
    messageNames = Object.values(asyncapi.channels).flatMap((channel) => Object.keys(channel.messages));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `path` once (fresh cache), recording every request that left the origin and the bytes moved. */
  async function open(path: string): Promise<OpenedPage> {
    const foreign: string[] = [];
    const requests: Request[] = [];
    const onRequest = (request: Request): void => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return;
      if (new URL(url).origin !== origin) foreign.push(url);
      requests.push(request);
    };
    page.on('request', onRequest);
    const response = await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    page.off('request', onRequest);
    const weights = await Promise.all(requests.map(weigh));
    const bytes = weights.reduce((sum, size) => sum + size.wire, 0);
    const decoded = weights.reduce((sum, size) => sum + size.decoded, 0);
    const result = { status: response?.status(), foreign, bytes };
    if (!opened.has(path))
      console.log(
        `page weight ${path}: ${(bytes / 1024).toFixed(1)} KB transferred, ${(decoded / 1024).toFixed(1)} KB decoded (${requests.length} requests)`,
      );
    opened.set(path, result);
    const name = `docs-site${path.replace(/\//g, '-')}`;
    await page.screenshot({ path: (await screenshot(page, name)).replace(/\.png$/, '-viewport.png') });
    return result;
  }

  describe.each(PAGES)('%s', (path) => {
    it('answers 200 and requests nothing outside its origin', async () => {
      const result = await open(path);
      expect(result.status, `${path} status`).toBe(200);
      expect(result.foreign, `${path}: requests outside ${origin}`).toEqual([]);
    });

    it('shows no backtick pair in any text node outside code', async () => {
      expect(await textNodesWithBackticks(page), `${path}: text nodes with backtick pairs`).toEqual([]);
    });

    it('draws every mermaid block as SVG', async () => {
      const mermaid = await mermaidState(page);
      expect(mermaid.raw, `${path}: mermaid sources shown as text`).toEqual([]);
      if (path === '/docs/ws' || path === '/docs/walkthrough')
        expect(mermaid.rendered, `${path}: rendered mermaid diagrams`).toBeGreaterThan(0);
    });

    it('has nothing fixed or sticky over the content', async () => {
      expect(await floatingOverlaps(page), `${path}: elements over the content at 1280 px`).toEqual([]);
    });
  });

  it('gives every HTTP operation an example and curl, TypeScript and Swift samples', async () => {
    await open('/docs/http');
    const items = await documentedItems(page);
    const missing = operationIds.flatMap((id) => {
      const item = items[id];
      if (!item) return [`${id}: no section`];
      const samples = OPERATION_SAMPLES.filter((kind) => !item.samples.includes(kind));
      return [...(item.example ? [] : [`${id}: no example`]), ...samples.map((kind) => `${id}: no ${kind} sample`)];
    });
    expect(operationIds.length).toBeGreaterThan(10);
    expect(missing, '/docs/http: operations without example or samples').toEqual([]);
  });

  it('gives every WebSocket message an example and TypeScript and Swift samples', async () => {
    await open('/docs/ws');
    const items = await documentedItems(page);
    const missing = messageNames.flatMap((name) => {
      const item = items[`message:${name}`];
      if (!item) return [`${name}: no section`];
      const samples = MESSAGE_SAMPLES.filter((kind) => !item.samples.includes(kind));
      return [...(item.example ? [] : [`${name}: no example`]), ...samples.map((kind) => `${name}: no ${kind} sample`)];
    });
    expect(messageNames.length).toBeGreaterThan(5);
    expect(missing, '/docs/ws: messages without example or samples').toEqual([]);
  });

  it('shows the ws binding: the jobId query with its pattern and the Sec-WebSocket-Protocol header', async () => {
    await open('/docs/ws');
    const binding = page.locator('[data-ws-binding]');
    expect(await binding.count(), '/docs/ws: a [data-ws-binding] section').toBe(1);
    const text = await binding.innerText();
    expect(text).toContain('jobId');
    expect(text).toContain('^[A-Za-z0-9_-]');
    expect(text).toContain('Sec-WebSocket-Protocol');
  });

  it('shows the close codes as a table with one row per code of x-close-codes', async () => {
    await open('/docs/ws');
    const codes = await page.locator('table[data-close-codes] tbody tr td:first-child').allInnerTexts();
    expect(codes, '/docs/ws: close-code table').toEqual([
      '1000',
      '1001',
      '1002',
      '1006',
      '1008',
      '1009',
      '1011',
      '1013',
    ]);
  });

  it('pretty-prints the JSON examples', async () => {
    await open('/docs/ws');
    const examples = await page.locator('[data-example] pre').allInnerTexts();
    expect(examples.length, '/docs/ws: example blocks').toBeGreaterThan(5);
    const oneLine = examples.filter((text) => text.trim().startsWith('{') && !text.includes('\n  "'));
    expect(oneLine, '/docs/ws: one-line JSON examples').toEqual([]);
  });
});
