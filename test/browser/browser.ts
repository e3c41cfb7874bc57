import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); the browser tests fail without it, never skip. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots', import.meta.url));

export type Browser = { page: Page; context: BrowserContext; close(): Promise<void> };

/**
 * A headless Chromium with a new, empty profile and nothing running in the background (no
 * update checks, sync or QUIC probes that would reach the internet). Phone-sized when asked.
 */
export async function launchBrowser(options: { phone?: boolean } = {}): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is required for the browser tests and was not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'simpul-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  // Fail a step well within the test's own timeout, with Playwright's account of what it waited for.
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the element is on screen (Playwright's own wait; fails after `timeout`). */
export const shown = (locator: Locator, timeout = 15_000) => locator.first().waitFor({ state: 'visible', timeout });

/** A full-page screenshot; `notifications: false` leaves out earlier steps' notifications that would cover the page. */
export async function screenshot(page: Page, name: string, options: { notifications?: boolean } = {}) {
  await mkdir(screenshotDir, { recursive: true });
  const style = options.notifications === false ? '.mantine-Notifications-root { display: none !important; }' : undefined;
  // Transitions finished first: a modal caught mid-fade would show the page through it.
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true, style, animations: 'disabled' });
}
