import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_ADMIN } from './playground-server';

export const SCREENSHOTS = path.join(__dirname, '..', 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing that would reach the network on its own. */
export const launchBrowser = async (): Promise<{ browser: Browser; page: Page }> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  return { browser, page };
};

/** The whole page, or with `fullPage` false what the window shows (after scrolling to a part). */
export const screenshot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });

/** Logs the demo super admin in through the login form and waits for the plugin's menu link. */
export const logInAsDemoAdmin = async (page: Page, baseUrl: string) => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(DEMO_ADMIN.email);
  await page.locator('input[name="password"]').fill(DEMO_ADMIN.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page
    .locator('a[href="/admin/plugins/alwrity"]')
    .waitFor({ state: 'visible', timeout: 30_000 });
};

/** Opens a Content Manager document action: its own button when shown, else the "more" menu. */
export const openDocumentAction = async (page: Page, name: string) => {
  const action = page.getByRole('button', { name });
  if (await action.isVisible()) await action.click();
  else {
    await page.getByRole('button', { name: 'More document actions' }).click();
    await page.getByRole('menuitem', { name }).click();
  }
};
