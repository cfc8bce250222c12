import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_ADMIN, startPlayground, type PlaygroundServer } from '../helpers/playground-server';

const SCREENSHOTS = path.join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: PlaygroundServer;
let browser: Browser;
let page: Page;

const shot = (name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startPlayground(Number(process.env.E2E_PORT ?? 1399));
  browser = await chromium.launch({
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
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the admin with the plugin', () => {
  it('logs the demo super admin in and shows the Alwrity menu link', async () => {
    await page.goto(`${server.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(DEMO_ADMIN.email);
    await page.locator('input[name="password"]').fill(DEMO_ADMIN.password);
    await page.getByRole('button', { name: 'Login' }).click();
    const link = page.locator('a[href="/admin/plugins/alwrity"]');
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    await shot('01-admin-home');
  });

  it('opens the plugin home with its panels and the missing-provider notice', async () => {
    await page.locator('a[href="/admin/plugins/alwrity"]').click();
    await page.getByRole('heading', { name: 'Alwrity', level: 1 }).waitFor();
    await page.getByText('No AI provider is configured yet').waitFor();
    await page.getByText('AI Writer').waitFor();
    await shot('02-plugin-home');
  });

  it('opens the Jobs panel with its empty state', async () => {
    await page.locator('a[href="/admin/plugins/alwrity/jobs"]').click();
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    await page.getByText('No jobs yet').waitFor();
    await shot('03-jobs');
  });

  it('shows the Alwrity settings section with the provider forms', async () => {
    await page.goto(`${server.url}/admin/settings/alwrity`);
    await page
      .getByRole('heading', { name: 'AI providers', level: 1 })
      .waitFor({ timeout: 30_000 });
    await page.getByText('OpenAI (and compatible)').waitFor();
    await page.getByText('In-process (no Redis configured').waitFor();
    await shot('04-settings');
  });
});
