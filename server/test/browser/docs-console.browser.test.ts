// The live console of /docs/ws against wrangler dev: it offers only the sample job (this server has
// no simulator routes), starts a real CSV import, and shows every frame validated and the close
// code explained from the generated close-code table. Then against the contract simulator's own
// Worker: it lists every scenario and plays token-expired to its close 1008.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLOSE_CODES, CLOSE_REASONS } from '@bookstrack/generated/constants';
import { SimulatorScenarioNameSchema } from '@bookstrack/generated/schemas';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';
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

  describe('on the contract simulator (`npm run simulate`)', () => {
    let simulator: DevServer;
    beforeAll(async () => {
      simulator = await startDevServer({
        config: 'wrangler.simulator.jsonc',
        vars: { ENVIRONMENT: 'simulator' },
        startTimeoutMs: 90_000,
      });
    }, 120_000);
    afterAll(async () => {
      await simulator?.stop();
    });

    it('lists the scenarios and plays token-expired: frames valid, close 1008 explained', async () => {
      const scenarioPage = await browser.context.newPage();
      const pageErrors = watchPageErrors(scenarioPage);
      await scenarioPage.goto(`${simulator.origin}/docs/ws#console`, { waitUntil: 'networkidle' });
      await scenarioPage.getByText('Not connected.', { exact: true }).waitFor();
      await scenarioPage.locator('#console-scenario').waitFor({ state: 'visible' });
      const listed = (await readHook(scenarioPage)).scenarios;
      expect(listed).toEqual([...SimulatorScenarioNameSchema.options]);
      await scenarioPage.locator('#console-scenario').selectOption('token-expired');
      await scenarioPage.locator('#console-start').click();
      await scenarioPage.waitForFunction('window.__docsConsole.closes.length > 0', undefined, { timeout: 60_000 });
      const hook = await readHook(scenarioPage);
      expect(hook.frames.map((frame) => frame.type).slice(0, 2)).toEqual(['ready_ack', 'job_started']);
      expect(hook.frames.filter((frame) => frame.verdict !== 'valid')).toEqual([]);
      expect(hook.closes).toEqual([
        {
          code: CLOSE_CODES.POLICY_VIOLATION,
          reason: CLOSE_REASONS.TOKEN_EXPIRED,
          name: 'policyViolation',
          reconnect: 'new_token',
        },
      ]);
      const shown = await scenarioPage.locator('#console-frames').innerText();
      expect(shown).toContain(`close 1008 "${CLOSE_REASONS.TOKEN_EXPIRED}": policyViolation`);
      await scenarioPage.locator('#docs-console').scrollIntoViewIfNeeded();
      await screenshot(scenarioPage, 'docs-console-simulator');
      expect(pageErrors).toEqual([]);
      await scenarioPage.close();
    });
  });
});
