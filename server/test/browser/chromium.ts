// Finds Debian's chromium for the browser tests and launches it headless with a fresh profile.
// Absent chromium skips the tests with a plain message, unless REQUIRE_BROWSER=1 (CI): then global setup fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const SKIP_MESSAGE = 'browser tests SKIPPED: chromium not found (apt-get install -y chromium)';
export const isBrowserRequired = process.env.REQUIRE_BROWSER === '1';

function whichChromium(): string | undefined {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** CHROMIUM_PATH when set (and only it), else /usr/bin/chromium, else `chromium` on PATH. */
export function findChromium(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  return ['/usr/bin/chromium', whichChromium()].find((path): path is string => path !== undefined && existsSync(path));
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launchChromium(executablePath: string): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'bookstrack-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
