// Opens the generated HTML docs offline (file://) in Debian's chromium (playwright-core) and checks what
// a reader sees: the WebSocket page shows the channel, the subprotocol auth, the close-code table and the
// message list; the HTTP page shows the operations. Every request that is not file:// is aborted. The
// served site (all pages, the console) is tested against wrangler dev in server/test/browser/docs-*.
// Without chromium the suite is skipped with a plain notice, unless CI=true and REQUIRE_BROWSER=1.
/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_DIR, REPO_ROOT } from './core/paths';

const DOCS_DIR = join(GENERATED_DIR, 'docs');
const ARTIFACTS_DIR = join(REPO_ROOT, 'artifacts');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RENDER_TIMEOUT_MS = 30_000;

const hasChromium = existsSync(CHROMIUM_PATH);
const browserRequired = process.env.CI === 'true' && process.env.REQUIRE_BROWSER === '1';
if (!hasChromium && !browserRequired)
  console.log('browser tests SKIPPED: chromium not found (install with apt-get install -y chromium)');

describe.skipIf(!hasChromium && !browserRequired)('rendered docs in headless chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    expect(existsSync(CHROMIUM_PATH), `chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`).toBe(
      true,
    );
    userDataDir = mkdtempSync(join(tmpdir(), 'bookstrack-chromium-'));
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: LAUNCH_FLAGS,
    });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  /** Opens a docs page and waits until its client-side rendering shows `marker`. */
  async function open(name: string, marker: string): Promise<string> {
    const file = join(DOCS_DIR, name);
    expect(existsSync(file), `${file} is missing: run npm run generate`).toBe(true);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction((text) => document.body.innerText.includes(text), marker, {
      timeout: RENDER_TIMEOUT_MS,
    });
    return page.evaluate(() => document.body.innerText);
  }

  it('shows the WebSocket channel, its subprotocol auth and the message list', async () => {
    const text = await open('ws.html', 'Token expired');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'docs-ws.png') });
    expect(text).toContain('/ws/progress');
    expect(text).toContain('Sec-WebSocket-Protocol');
    expect(text).toMatch(/bookstrack-auth\.<token>/);
    // Inline code must reach the reader as code: no text node outside code blocks keeps its backticks.
    const prose = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const hits: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (node.nodeValue?.includes('`') && !node.parentElement?.closest('code, pre, script, style'))
          hits.push(node.nodeValue);
      return hits;
    });
    expect(prose).toEqual([]);
    for (const type of [
      'ready',
      'cancel',
      'ready_ack',
      'job_started',
      'job_progress',
      'job_complete',
      'error',
      'reconnected',
      'token_refreshed',
    ]) {
      expect(text, `message ${type}`).toMatch(new RegExp(`(^|[^a-z_])${type}([^a-z_]|$)`, 'm'));
    }
  }, 60_000);

  it('shows the close-code table with each code, its name, who sends it and the exact reasons', async () => {
    const text = await open('ws.html', 'Token expired');
    const rows = text.split('\n');
    const closeCodes = {
      1000: 'normalClosure server',
      1001: 'goingAway server',
      1002: 'protocolError server',
      1006: 'abnormalClosure platform',
      1008: 'policyViolation server',
      1009: 'messageTooBig server',
      1011: 'internalError server',
      1013: 'tryAgainLater server',
    };
    for (const [code, nameAndSender] of Object.entries(closeCodes)) {
      const [name, sender] = nameAndSender.split(' ');
      expect(
        rows.some((row) => new RegExp(`^${code}\\s+${name}\\s+${sender}\\b`).test(row)),
        `row for ${code} ${name} ${sender}`,
      ).toBe(true);
    }
    expect(rows.some((row) => /^1008\s+policyViolation\b.*Token expired/.test(row))).toBe(true);
    await page
      .locator('td')
      .filter({ hasText: /^1008$/ })
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'docs-ws-close-codes.png') });
  }, 60_000);

  it('shows the HTTP operations, with the CSV import under its tag', async () => {
    await open('http.html', 'BooksTrack HTTP API');
    await page.getByText('csv', { exact: true }).first().click();
    await page.waitForFunction(() => document.body.innerText.includes('/api/csv/import'), undefined, {
      timeout: RENDER_TIMEOUT_MS,
    });
    const text = await page.evaluate(() => document.body.innerText);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'docs-http.png') });
    expect(text).toContain('/api/csv/import');
    expect(text).toContain('Start a CSV import job');
    expect(text).toMatch(/\bPOST\b/);
  }, 60_000);

  it('shows the Swift guide with its socket code, subprotocol header and close-code table', async () => {
    const text = await open('swift.html', 'URLSessionWebSocketTask');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'docs-swift.png'), fullPage: true });
    expect(text).toContain('BooksTrack from Swift (iOS / macOS)');
    expect(text).toContain('protocols: Subprotocol.protocols(token: usedToken)');
    expect(text).toMatch(/^1008\s+Token expired, Token revoked/m);
    expect(text).not.toContain('```');
  }, 60_000);

  it('renders without script errors and fetches nothing from the network that it needs', () => {
    expect(pageErrors).toEqual([]);
    expect(blocked.every((url) => !url.endsWith('.js') && !url.endsWith('.css'))).toBe(true);
  });
});
