import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logInAsDemoAdmin, screenshot } from '../helpers/browser';
import { blogReplies } from '../helpers/fake-blog';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server';
import { startPlaygroundWithFake, type PlaygroundServer } from '../helpers/playground-server';
import { assertRedis, flushPrefix, testRedisPrefix } from '../helpers/redis';
import { waitUntil } from '../helpers/wait';

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
  server = await startPlaygroundWithFake(Number(process.env.E2E_PORT_WRITER ?? 1397), fake, prefix);
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

  it('rewrites a field of the entry with "Write with AI", previewed before it is applied', async () => {
    fake.enqueue({ text: 'Composting at home, the easy way', chunkDelayMs: 40 });
    // In the edit view's side panel: a button of its own, or in its "more" menu.
    const action = page.getByRole('button', { name: 'Write with AI' });
    if (await action.isVisible()) await action.click();
    else {
      await page.getByRole('button', { name: 'More document actions' }).click();
      await page.getByRole('menuitem', { name: 'Write with AI' }).click();
    }
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByText('Composting at home, the easy way').first().waitFor();
    // Nothing changes before Apply.
    expect(await page.locator('input[name="title"]').inputValue()).toBe('Composting at home');
    await screenshot(page, '14b-write-with-ai-preview');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await waitUntil(
      'the rewritten title in the form',
      async () =>
        (await page.locator('input[name="title"]').inputValue()) ===
        'Composting at home, the easy way',
    );
  });

  it('streams a short writer into the page', async () => {
    const variant = (text: string) => ({ parts: [text], hashtags: ['compost'] });
    fake.enqueue({
      json: {
        posts: [
          {
            network: 'linkedin',
            variants: [
              variant('Three steps to start composting this weekend.'),
              variant('Your kitchen scraps are garden gold.'),
              variant('We asked our gardeners how they compost.'),
            ],
          },
        ],
      },
      chunkDelayMs: 80,
    });
    await page.goto(`${server.url}/admin/plugins/alwrity/writer`);
    await page.getByRole('tab', { name: 'Social posts' }).click();
    await page.getByLabel('What to write about').fill('Composting at home');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, '16-writer-social-streaming');
    await page
      .getByText('Your kitchen scraps are garden gold.')
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, '17-writer-social-done');
  });

  it('lets the outline be edited before the sections are written (two-step)', async () => {
    fake.setDefault(blogReplies(3, { chunkDelayMs: 20 }));
    await page.goto(`${server.url}/admin/plugins/alwrity/writer`);
    await page.getByRole('tab', { name: 'Blog post' }).click();
    await page.getByLabel('What to write about').fill('Compost for balconies');
    await page.getByLabel('Sections', { exact: true }).fill('3');
    await page.getByText('Stop after the outline so it can be edited').click();
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('button', { name: 'Write the sections' }).waitFor({ timeout: 30_000 });
    await screenshot(page, '18-writer-outline-review');
    await page.getByRole('button', { name: 'Write the sections' }).click();
    await page.getByRole('button', { name: 'Save as draft' }).waitFor({ timeout: 60_000 });
    await page.getByText('Section 3 text', { exact: false }).first().waitFor();
  });

  it('lists the runs in the history', async () => {
    await page.goto(`${server.url}/admin/plugins/alwrity/history`);
    await page.getByText('Blog: Composting at home for beginners').waitFor();
    await page.getByText('Blog: Compost for balconies').waitFor();
    await screenshot(page, '15-history');
  });
});
