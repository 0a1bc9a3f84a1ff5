// The live console of /docs/ws against wrangler dev: it offers only the sample job (this server has
// no simulator routes), starts a real CSV import, and shows every frame validated and the close
// code explained from the generated close-code table.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findChromium, launchChromium, type LaunchedBrowser } from './chromium';
import { screenshot, watchPageErrors } from './demo-page';

const chromiumPath = findChromium();

/** The console's window.__docsConsole (client/docs-console/main.ts), typed for Node. */
interface ConsoleView {
  frames: Array<{ type: string; seq?: number; verdict: string; issues: string[] }>;
  closes: Array<{ code: number; reason: string; name?: string; reconnect?: string }>;
  scenarios: string[];
}

const readHook = (page: Page): Promise<ConsoleView> =>
  page.evaluate('JSON.parse(JSON.stringify(window.__docsConsole))') as Promise<ConsoleView>;

describe.skipIf(!chromiumPath)('/docs/ws live console', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  let errors: string[];
  const origin = inject('origin');

  beforeAll(async () => {
    browser = await launchChromium(chromiumPath as string);
    page = await browser.context.newPage();
    errors = watchPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('hides the scenario picker on a server without simulator routes', async () => {
    await page.goto(`${origin}/docs/ws#console`, { waitUntil: 'networkidle' });
    await page.getByText('Not connected.', { exact: true }).waitFor();
    expect(await page.locator('#console-scenario').isVisible()).toBe(false);
    expect((await readHook(page)).scenarios).toEqual([]);
  });

  // The job ends normally: the console must show close 1000 as the table explains it.
  it('runs a sample CSV import and shows each frame validated and the close 1000 explained', async () => {
    await page.goto(`${origin}/docs/ws#console`, { waitUntil: 'networkidle' });
    await page.getByText('Not connected.', { exact: true }).waitFor();
    await page.locator('#console-start').click();
    await page.waitForFunction('window.__docsConsole.closes.length > 0', undefined, { timeout: 60_000 });
    const hook = await readHook(page);
    const types = hook.frames.map((frame) => frame.type);
    expect(types[0]).toBe('ready_ack');
    expect(types).toContain('job_started');
    expect(types.at(-1)).toBe('job_complete');
    expect(hook.frames.filter((frame) => frame.verdict !== 'valid')).toEqual([]);
    expect(hook.closes).toEqual([{ code: 1000, reason: 'Job complete', name: 'normalClosure', reconnect: 'none' }]);
    const shown = await page.locator('#console-frames').innerText();
    expect(shown).toContain('job_started seq 1: valid against readers.ServerMessage');
    expect(shown).toMatch(/close 1000 "Job complete": normalClosure, sent by server\..*Reconnect: none\./);
    expect(shown, 'code spans of the close-code table shown as code').not.toContain('`');
    expect(await page.locator('#console-status').innerText()).toBe('Closed with 1000.');
    await page.locator('#docs-console').scrollIntoViewIfNeeded();
    await page.screenshot({ path: (await screenshot(page, 'docs-console')).replace(/\.png$/, '-viewport.png') });
    // The one expected console error: GET /v1/simulator/scenarios is 404 on a normal server.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
  });

  it('offers the scenarios of a simulator and starts the chosen one with POST /v1/simulator/jobs', async () => {
    // A stand-in for the simulator Worker: its two routes answered in the browser, the job itself a
    // real CSV import on this server (so every frame and the close still come from wrangler dev).
    const scenarioPage = await browser.context.newPage();
    const started: string[] = [];
    await scenarioPage.route('**/v1/simulator/scenarios', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify([
          { name: 'token-expired', description: 'closes 1008 Token expired' },
          { name: 'job-failed', description: 'closes 1011 Job failed' },
        ]),
      }),
    );
    await scenarioPage.route('**/v1/simulator/jobs?*', async (route) => {
      started.push(`${route.request().method()} ${new URL(route.request().url()).search}`);
      const response = await fetch(`${origin}/api/csv/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: 'Title,Author\nDune,Frank Herbert\n',
      });
      await route.fulfill({ status: response.status, contentType: 'application/json', body: await response.text() });
    });
    await scenarioPage.goto(`${origin}/docs/ws#console`, { waitUntil: 'networkidle' });
    await scenarioPage.getByText('Not connected.', { exact: true }).waitFor();
    await scenarioPage.locator('#console-scenario').waitFor({ state: 'visible' });
    expect(await scenarioPage.locator('#console-scenario option').allInnerTexts()).toEqual([
      'sample CSV import',
      'token-expired: closes 1008 Token expired',
      'job-failed: closes 1011 Job failed',
    ]);
    await scenarioPage.locator('#console-scenario').selectOption('token-expired');
    await scenarioPage.locator('#console-start').click();
    await scenarioPage.waitForFunction('window.__docsConsole.closes.length > 0', undefined, { timeout: 60_000 });
    const hook = await readHook(scenarioPage);
    expect(started).toEqual(['POST ?scenario=token-expired']);
    expect(hook.scenarios).toEqual(['token-expired', 'job-failed']);
    expect(hook.frames.length).toBeGreaterThan(1);
    expect(hook.frames.filter((frame) => frame.verdict !== 'valid')).toEqual([]);
    await scenarioPage.close();
  });
});
