import { logInAsDemoAdmin, openDocumentAction, screenshot } from '../helpers/browser';
import { useFakePlayground } from '../helpers/e2e-suite';
import { blogReplies } from '../helpers/fake-blog';
import { waitUntil } from '../helpers/wait';

// A blog post written end to end: the queued job on Redis, the fake model server, the draft entry.
const e2e = useFakePlayground(Number(process.env.E2E_PORT_WRITER ?? 1397));

beforeAll(() => e2e.fake.setDefault(blogReplies(5, { chunkDelayMs: 60 })));

describe('writing a blog post', () => {
  it('runs the queued blog job from the writer form, its progress reaching 100%', async () => {
    await logInAsDemoAdmin(e2e.page, e2e.server.url);
    await e2e.page.goto(`${e2e.server.url}/admin/plugins/alwrity/writer`);
    await e2e.page.getByRole('tab', { name: 'Blog post' }).waitFor();
    await e2e.page.getByLabel('What to write about').fill('Composting at home for beginners');
    await screenshot(e2e.page, '10-writer-form');
    await e2e.page.getByRole('button', { name: 'Generate' }).click();
    await e2e.page
      .getByText(/Writing section \d of 5/)
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(e2e.page, '11-writer-blog-progress');
    await e2e.page.getByText('100%').first().waitFor({ timeout: 60_000 });
    await e2e.page.getByRole('button', { name: 'Save as draft' }).waitFor();
    await e2e.page.getByText('Section 5 text', { exact: false }).first().waitFor();
    await screenshot(e2e.page, '12-writer-blog-done');
  });

  it('saves it as a draft Article and opens it in the content manager', async () => {
    await e2e.page.getByRole('button', { name: 'Save as draft' }).click();
    const dialog = e2e.page.getByRole('dialog');
    await dialog.getByText('Save as a draft entry').waitFor();
    await screenshot(e2e.page, '13-writer-save-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await e2e.page.getByText('Draft entry created').waitFor();
    await e2e.page.getByRole('link', { name: 'Open in Content Manager' }).first().click();
    await e2e.page.waitForURL(
      /content-manager\/collection-types\/api::article\.article\/[a-z0-9]+/,
    );
    const title = e2e.page.locator('input[name="title"]');
    await title.waitFor({ timeout: 30_000 });
    expect(await title.inputValue()).toBe('Composting at home');
    await screenshot(e2e.page, '14-content-manager-draft');
  });

  it('rewrites a field of the entry with "Write with AI", previewed before it is applied', async () => {
    e2e.fake.enqueue({ text: 'Composting at home, the easy way', chunkDelayMs: 40 });
    // In the edit view's side panel: a button of its own, or in its "more" menu.
    await openDocumentAction(e2e.page, 'Write with AI');
    const dialog = e2e.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByText('Composting at home, the easy way').first().waitFor();
    // Nothing changes before Apply.
    expect(await e2e.page.locator('input[name="title"]').inputValue()).toBe('Composting at home');
    await screenshot(e2e.page, '14b-write-with-ai-preview');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await waitUntil(
      'the rewritten title in the form',
      async () =>
        (await e2e.page.locator('input[name="title"]').inputValue()) ===
        'Composting at home, the easy way',
    );
  });

  it('scores the entry live in the SEO panel as the keyphrase is typed, and saves the keyphrase', async () => {
    const panel = e2e.page.getByTestId('seo-panel');
    await panel.waitFor({ timeout: 30_000 });
    await panel.getByText(/^SEO \d+\/100$/).waitFor();
    await panel.getByLabel('Focus keyphrase').fill('composting at home');
    // The keyphrase checks appear after the typing pause, from the form as it is now.
    await panel.getByText('The keyphrase has 2 content words: a good length.').waitFor();
    await panel
      .getByText(/first paragraph/)
      .first()
      .waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(e2e.page, '14c-seo-panel');
    // The panel's own User Timing of each re-score: figures for the bench notes, not a test.
    const keyphrase = panel.getByLabel('Focus keyphrase');
    for (const typed of ['compost', 'composting', 'home composting', 'composting at home']) {
      await keyphrase.fill(typed);
      await e2e.page.waitForTimeout(450);
    }
    const timings = await e2e.page.evaluate(() =>
      ['alwrity:seo-rescore:analysis', 'alwrity:seo-rescore'].map((name) =>
        performance.getEntriesByName(name).map((entry) => entry.duration.toFixed(1)),
      ),
    );
    expect(timings[1]!.length).toBeGreaterThan(1);
    console.log(
      `SEO panel re-scores, ms: analysis ${timings[0]!.join(', ')}; analysis to commit ${timings[1]!.join(', ')}`,
    );
    await panel.getByRole('button', { name: 'Save keyphrase' }).click();
    await e2e.page.getByText('Keyphrase saved; the entry was analysed again.').waitFor();
  });

  it('generates three meta title and description variants, previewed, and applies one', async () => {
    const variant = (title: string) => ({
      metaTitle: title,
      metaDescription:
        'Composting at home turns kitchen scraps into rich soil in weeks. Learn what goes in the bin, what stays out, and how to start this weekend.',
    });
    e2e.fake.enqueue({
      json: {
        variants: [
          variant('Composting at home: a beginner guide'),
          variant('Composting at home in five easy steps'),
          variant('Composting at home without the smell'),
        ],
      },
    });
    await openDocumentAction(e2e.page, 'Generate meta title and description');
    const dialog = e2e.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await dialog.getByText('Composting at home in five easy steps').waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('seo-meta-variant').count()).toBe(3);
    await screenshot(e2e.page, '14d-seo-meta-variants');
    await dialog.getByRole('button', { name: 'Apply variant 2' }).click();
    await waitUntil(
      'the applied meta title in the form',
      async () =>
        (await e2e.page.locator('input[name="seo.metaTitle"]').inputValue()) ===
        'Composting at home in five easy steps',
    );
  });

  it('lists the entry in the SEO overview, with its chart and a "Re-analyse all" run to 100%', async () => {
    await e2e.page.goto(`${e2e.server.url}/admin/plugins/alwrity/seo`);
    await e2e.page.getByRole('heading', { name: 'SEO overview' }).waitFor();
    await e2e.page
      .getByRole('link', { name: /Composting at home/ })
      .first()
      .waitFor();
    await e2e.page.getByRole('img', { name: /^SEO scores by band/ }).waitFor();
    await e2e.page.getByRole('button', { name: 'Re-analyse all' }).click();
    await e2e.page.getByText(/Analysed \d+ of \d+/).waitFor({ timeout: 30_000 });
    await e2e.page.getByText('100%').first().waitFor({ timeout: 30_000 });
    await screenshot(e2e.page, '19-seo-overview');
  });

  it('streams a short writer into the page', async () => {
    const variant = (text: string) => ({ parts: [text], hashtags: ['compost'] });
    e2e.fake.enqueue({
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
      chunkDelayMs: 120,
    });
    await e2e.page.goto(`${e2e.server.url}/admin/plugins/alwrity/writer`);
    await e2e.page.getByRole('tab', { name: 'Social posts' }).click();
    await e2e.page.getByLabel('What to write about').fill('Composting at home');
    await e2e.page.getByRole('button', { name: 'Generate' }).click();
    const stop = e2e.page.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    // The preview reads as text while it is written, not as the JSON it arrives in.
    const preview = e2e.page.getByRole('log', { name: 'Live preview' });
    await preview.getByText('Three steps to start composting this weekend.').waitFor();
    expect(await preview.textContent()).not.toContain('"posts"');
    await stop.scrollIntoViewIfNeeded();
    await screenshot(e2e.page, '16-writer-social-streaming');
    await stop.waitFor({ state: 'hidden', timeout: 30_000 });
    await e2e.page.getByText('Your kitchen scraps are garden gold.').first().waitFor();
    await screenshot(e2e.page, '17-writer-social-done');
  });

  it('lets the outline be edited before the sections are written (two-step)', async () => {
    e2e.fake.setDefault(blogReplies(3, { chunkDelayMs: 20 }));
    await e2e.page.goto(`${e2e.server.url}/admin/plugins/alwrity/writer`);
    await e2e.page.getByRole('tab', { name: 'Blog post' }).click();
    await e2e.page.getByLabel('What to write about').fill('Compost for balconies');
    await e2e.page.getByLabel('Sections', { exact: true }).fill('3');
    await e2e.page.getByText('Stop after the outline so it can be edited').click();
    await e2e.page.getByRole('button', { name: 'Generate' }).click();
    await e2e.page.getByRole('button', { name: 'Write the sections' }).waitFor({ timeout: 30_000 });
    await screenshot(e2e.page, '18-writer-outline-review');
    await e2e.page.getByRole('button', { name: 'Write the sections' }).click();
    await e2e.page.getByRole('button', { name: 'Save as draft' }).waitFor({ timeout: 60_000 });
    await e2e.page.getByText('Section 3 text', { exact: false }).first().waitFor();
  });

  it('lists the runs in the history', async () => {
    await e2e.page.goto(`${e2e.server.url}/admin/plugins/alwrity/history`);
    await e2e.page.getByText('Blog: Composting at home for beginners').waitFor();
    await e2e.page.getByText('Blog: Compost for balconies').waitFor();
    await screenshot(e2e.page, '15-history');
  });
});

describe('the SEO tools', () => {
  const tools = (tool: string) => `${e2e.server.url}/admin/plugins/alwrity/seo/tools?tool=${tool}`;
  const pickEntry = async (title: RegExp) => {
    await e2e.page.getByRole('combobox', { name: 'Entry' }).click();
    await e2e.page.getByRole('option', { name: title }).first().click();
  };

  it('analyses the entry’s keywords, with term charts, TF-IDF and suggested keyphrases', async () => {
    await e2e.page.goto(tools('keywords'));
    await e2e.page.getByRole('heading', { name: 'SEO tools' }).waitFor();
    await pickEntry(/Composting at home/);
    await e2e.page.getByLabel('Focus keyphrase').fill('composting');
    await e2e.page.getByRole('button', { name: 'Analyse' }).click();
    await e2e.page.getByTestId('keyword-stats').waitFor({ timeout: 30_000 });
    await e2e.page.getByRole('list', { name: 'Top single words' }).waitFor();
    e2e.fake.enqueue({
      json: {
        // The tool asks for eight.
        keyphrases: [
          { keyphrase: 'home composting bin', intent: 'commercial' },
          { keyphrase: 'compost for beginners', intent: 'informational' },
          { keyphrase: 'balcony composting', intent: 'informational' },
          { keyphrase: 'compost tumbler', intent: 'commercial' },
          { keyphrase: 'what to compost', intent: 'informational' },
          { keyphrase: 'hot composting', intent: 'informational' },
          { keyphrase: 'buy compost bin', intent: 'transactional' },
          { keyphrase: 'compost accelerator', intent: 'commercial' },
        ],
        questions: [
          'How long does compost take at home?',
          'What can go in a compost bin?',
          'Does a compost bin smell?',
        ],
      },
    });
    await e2e.page.getByRole('button', { name: 'Suggest' }).click();
    await e2e.page.getByText('What can go in a compost bin?').waitFor({ timeout: 30_000 });
    await e2e.page.getByTestId('keyword-stats').scrollIntoViewIfNeeded();
    await screenshot(e2e.page, '20-seo-tools-keywords');
    await e2e.page.getByTestId('keyword-ideas').scrollIntoViewIfNeeded();
    await screenshot(e2e.page, '20b-seo-tools-keyword-ideas');
  });

  it('finds the content gap against a pasted competitor page and summarises it', async () => {
    await e2e.page.goto(tools('gap'));
    await pickEntry(/Composting at home/);
    await e2e.page.getByLabel('Name of page 1').fill('rival.example');
    await e2e.page
      .getByLabel('HTML of page 1')
      .fill(
        '<h1>Compost guide</h1><h2>Worm bins for flats</h2><p>A worm bin eats scraps fast. Red worms live in the worm bin.</p><h2>Fixing a smelly heap</h2><p>A smelly heap needs browns: add cardboard and leaves to the smelly heap.</p>',
      );
    await e2e.page.getByRole('button', { name: 'Compare' }).click();
    await e2e.page
      .getByTestId('gap-headings')
      .getByText('Worm bins for flats')
      .waitFor({ timeout: 30_000 });
    e2e.fake.enqueue({
      json: {
        summary: 'Cover small spaces and smells: the rival answers both, this guide neither.',
        additions: [
          {
            heading: 'Worm bins for flats',
            why: 'Readers without a garden.',
            points: ['Red worms', 'Feeding'],
          },
          { heading: 'When the heap smells', why: 'The commonest worry.', points: ['Add browns'] },
        ],
      },
    });
    await e2e.page.getByRole('button', { name: 'Summarise with AI' }).click();
    await e2e.page.getByText(/Cover small spaces and smells/).waitFor({ timeout: 30_000 });
    await e2e.page.getByTestId('gap-advice').scrollIntoViewIfNeeded();
    await screenshot(e2e.page, '21-seo-tools-content-gap');
  });

  it('opens the SEO content types settings with the detected mappings', async () => {
    await e2e.page.goto(`${e2e.server.url}/admin/settings/alwrity-seo-types`);
    await e2e.page.getByRole('heading', { name: 'SEO content types' }).waitFor({ timeout: 30_000 });
    await e2e.page.getByText('Landing page').first().waitFor();
    await screenshot(e2e.page, '23-seo-settings');
  });

  it('builds Article JSON-LD from the entry, with its checks and social tags', async () => {
    await e2e.page.goto(tools('structured'));
    await pickEntry(/Composting at home/);
    await e2e.page.getByLabel('Site address').fill('https://example.com');
    await e2e.page.getByLabel('Site or organisation name').fill('Example Gardens');
    await e2e.page.getByRole('button', { name: 'Build' }).click();
    await e2e.page
      .getByTestId('structured-json')
      .getByText(/"@type": "Article"/)
      .waitFor({ timeout: 30_000 });
    await e2e.page.getByText('og:title').waitFor();
    await e2e.page.getByTestId('structured-json').scrollIntoViewIfNeeded();
    await screenshot(e2e.page, '22-seo-tools-structured-data');
  });
});
