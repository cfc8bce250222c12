import { logInAsDemoAdmin, screenshot } from '../helpers/browser';
import { useFakePlayground } from '../helpers/e2e-suite';

// The content chatbot in Chromium: a streamed answer with citations, and a draft it proposes.
const e2e = useFakePlayground(Number(process.env.E2E_PORT_CHAT ?? 1394));
const chat = () => `${e2e.server.url}/admin/plugins/alwrity/chat`;
const ARTICLE = 'api::article.article';

describe('the content chatbot', () => {
  it('streams an answer from the entries with citations that open them', async () => {
    await logInAsDemoAdmin(e2e.page, e2e.server.url);
    await e2e.page.goto(chat());
    await e2e.page.getByRole('heading', { name: 'Content chatbot' }).waitFor();
    await screenshot(e2e.page, '50-chat-empty');

    e2e.fake.enqueue({
      text: 'Start from your goals, then plan backwards; write and edit in batches and publish on a schedule [1].',
      chunkDelayMs: 120,
    });
    const composer = e2e.page.getByLabel('Ask about your content');
    await composer.fill('How should we plan an editorial calendar?');
    await composer.press('Enter');
    const transcript = e2e.page.getByRole('log', { name: 'Conversation' });
    await transcript.getByText('How should we plan an editorial calendar?').waitFor();
    // Part of the answer is on screen while the rest is still being written.
    await transcript.getByText('Start from your goals', { exact: false }).waitFor();
    await screenshot(e2e.page, '51-chat-streaming');
    const citation = transcript.getByRole('link', {
      name: 'Ten ways to plan an editorial calendar',
    });
    await citation.first().waitFor();
    await transcript.getByText('publish on a schedule', { exact: false }).waitFor();
    await e2e.page.getByRole('button', { name: 'Send' }).waitFor();
    await screenshot(e2e.page, '52-chat-answer');

    await citation.first().click();
    await e2e.page.waitForURL(new RegExp(`/content-manager/collection-types/${ARTICLE}/`));
    await e2e.page
      .getByRole('heading', { name: 'Ten ways to plan an editorial calendar' })
      .waitFor();
    await screenshot(e2e.page, '53-chat-citation-opened');
  });

  it('proposes a draft, writes it on Confirm, and the draft is in the content manager', async () => {
    await e2e.page.goto(chat());
    await e2e.page.getByRole('heading', { name: 'Content chatbot' }).waitFor();
    e2e.fake.enqueue(
      {
        toolCalls: [
          {
            name: 'propose_new_entry',
            arguments: {
              uid: ARTICLE,
              locale: 'en',
              fields: {
                title: 'FAQ: planning an editorial calendar',
                description: 'Short answers to the questions teams ask before they start.',
                content: '## Where do we start?\n\nFrom your goals: plan backwards.',
              },
            },
          },
        ],
      },
      { text: 'I proposed a draft FAQ entry built from the calendar article [1].' },
    );
    const composer = e2e.page.getByLabel('Ask about your content');
    await composer.fill('Draft a FAQ entry from our editorial calendar article.');
    await composer.press('Enter');
    const proposal = e2e.page.getByRole('group', { name: 'Proposed draft' });
    await proposal.waitFor();
    await proposal.getByText('FAQ: planning an editorial calendar').waitFor();
    await screenshot(e2e.page, '54-chat-proposal');
    await proposal.getByRole('button', { name: 'Confirm' }).click();
    await proposal.getByText('Saved as draft').waitFor();
    await screenshot(e2e.page, '55-chat-confirmed');

    await e2e.page.goto(
      `${e2e.server.url}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=en`,
    );
    const row = e2e.page.getByRole('row', { name: /FAQ: planning an editorial calendar/ });
    await row.waitFor();
    // Strapi's guided tour greets a first visit to the content manager.
    const skipTour = e2e.page.getByRole('button', { name: 'Skip' });
    if (await skipTour.isVisible()) await skipTour.click();
    await row.getByText('Draft').waitFor();
    await screenshot(e2e.page, '56-chat-draft-in-content-manager');
  });
});

describe('the content chatbot settings', () => {
  it('shows what is indexed and re-indexes everything with a progress bar', async () => {
    await e2e.page.goto(`${e2e.server.url}/admin/settings/alwrity-chat`);
    await e2e.page.getByRole('heading', { name: 'Content chatbot' }).waitFor();
    const index = e2e.page.getByRole('region', { name: 'Content index' });
    await index.getByRole('switch', { name: 'Index Article' }).waitFor();
    expect(await index.getByRole('switch', { name: 'Index Article' }).isChecked()).toBe(true);
    await index.getByRole('button', { name: 'Re-index all' }).click();
    await e2e.page.getByRole('alertdialog').getByRole('button', { name: 'Re-index all' }).click();
    await index.getByText('The last re-index finished.').waitFor({ timeout: 30_000 });
    await screenshot(e2e.page, '57-chat-settings');
  });
});
