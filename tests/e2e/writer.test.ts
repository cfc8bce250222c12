import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logInAsDemoAdmin, screenshot } from '../helpers/browser';
import { blogReplies } from '../helpers/fake-blog';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server';
import { startPlayground, type PlaygroundServer } from '../helpers/playground-server';
import { assertRedis, flushPrefix, REDIS_URL, testRedisPrefix } from '../helpers/redis';

// A blog post written end to end: the queued job on Redis, the fake model server, the draft entry.
const prefix = testRedisPrefix();
let fake: FakeModelServer;
let server: PlaygroundServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await assertRedis();
  fake = await startFakeModelServer();
  fake.setDefault(blogReplies(5, { chunkDelayMs: 60 }));
  server = await startPlayground(Number(process.env.E2E_PORT_WRITER ?? 1397), {
    ALWRITY_CONFIG: JSON.stringify({
      providers: {
        openai: { apiKey: 'sk-e2e-config-key-4321', baseURL: fake.openaiBaseURL },
        default: 'openai',
      },
      redis: { url: REDIS_URL, prefix },
      limits: { retryBaseMs: 10 },
    }),
  });
  ({ browser, page } = await launchBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
  await flushPrefix(prefix);
});

describe('writing a blog post', () => {
  it('runs the queued blog job from the writer form, its progress reaching 100%', async () => {
    await logInAsDemoAdmin(page, server.url);
    await page.goto(`${server.url}/admin/plugins/alwrity/writer`);
    await page.getByRole('tab', { name: 'Blog post' }).waitFor();
    await page.getByLabel('What to write about').fill('Composting at home for beginners');
    await screenshot(page, '10-writer-form');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page
      .getByText(/Writing section \d of 5/)
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, '11-writer-blog-progress');
    await page.getByText('100%').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Save as draft' }).waitFor();
    await page.getByText('Section 5 text', { exact: false }).first().waitFor();
    await screenshot(page, '12-writer-blog-done');
  });

  it('saves it as a draft Article and opens it in the content manager', async () => {
    await page.getByRole('button', { name: 'Save as draft' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Save as a draft entry').waitFor();
    await screenshot(page, '13-writer-save-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Draft entry created').waitFor();
    await page.getByRole('link', { name: 'Open in Content Manager' }).first().click();
    await page.waitForURL(/content-manager\/collection-types\/api::article\.article\/[a-z0-9]+/);
    const title = page.locator('input[name="title"]');
    await title.waitFor({ timeout: 30_000 });
    expect(await title.inputValue()).toBe('Composting at home');
    await screenshot(page, '14-content-manager-draft');
  });

  it('lists the run in the history', async () => {
    await page.goto(`${server.url}/admin/plugins/alwrity/history`);
    await page.getByText('Blog: Composting at home for beginners').waitFor();
    await screenshot(page, '15-history');
  });
});
