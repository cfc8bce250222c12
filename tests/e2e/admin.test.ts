import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logInAsDemoAdmin, screenshot } from '../helpers/browser';
import { startPlayground, type PlaygroundServer } from '../helpers/playground-server';
import { waitUntil } from '../helpers/wait';

// The playground as the README's first command starts it: no API key, no Redis.
let server: PlaygroundServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startPlayground(Number(process.env.E2E_PORT ?? 1399));
  ({ browser, page } = await launchBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the admin with the plugin', () => {
  it('logs the demo super admin in and shows the Alwrity menu link', async () => {
    await logInAsDemoAdmin(page, server.url);
    await screenshot(page, '01-admin-home');
  });

  it('opens the plugin home with its panels and the missing-provider notice', async () => {
    await page.locator('a[href="/admin/plugins/alwrity"]').click();
    await page.getByRole('heading', { name: 'Alwrity', level: 1 }).waitFor();
    await page.getByText('No AI provider is configured yet').waitFor();
    await page.getByText('AI Writer').waitFor();
    await screenshot(page, '02-plugin-home');
  });

  it('opens the Jobs panel with its empty state', async () => {
    await page.locator('a[href="/admin/plugins/alwrity/jobs"]').click();
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    await page.getByText('No jobs yet').waitFor();
    await screenshot(page, '03-jobs');
  });

  it('shows the Alwrity settings section with the provider forms', async () => {
    await page.goto(`${server.url}/admin/settings/alwrity`);
    await page
      .getByRole('heading', { name: 'AI providers', level: 1 })
      .waitFor({ timeout: 30_000 });
    await page.getByText('OpenAI (and compatible)').waitFor();
    await page.getByText('In-process (no Redis configured').waitFor();
    await screenshot(page, '04-settings');
  });

  it('saves a brand voice from the settings page', async () => {
    const field = page.getByLabel('Brand voice');
    await field.scrollIntoViewIfNeeded();
    await field.fill('We write plainly and warmly. British spelling.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved').waitFor();
    await field.scrollIntoViewIfNeeded();
    await screenshot(page, '04b-settings-brand-voice');
    await page.reload();
    await waitUntil(
      'the saved brand voice after a reload',
      async () =>
        (await page.getByLabel('Brand voice').inputValue()) ===
        'We write plainly and warmly. British spelling.',
    );
  });
});
