import { logInAsDemoAdmin, screenshot } from '../helpers/browser';
import { useFakePlayground } from '../helpers/e2e-suite';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';

// The Site Analyzer against the fixture site on 127.0.0.1 (allow-listed in the e2e config).
const e2e = useFakePlayground(Number(process.env.E2E_PORT_SITE ?? 1396));
let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());

const analyzer = () => `${e2e.server.url}/admin/plugins/alwrity/site-analyzer`;

const startCrawl = async () => {
  await e2e.page.goto(analyzer());
  await e2e.page.getByLabel('Crawl the site').check();
  await e2e.page.getByLabel('Address').fill(`${site.origin}/`);
  await e2e.page.getByLabel('Max pages').fill('600');
  await e2e.page.getByLabel('Concurrency (requests at once)').fill('2');
  await e2e.page.getByLabel('Delay between requests (ms)').fill('0');
  await e2e.page.getByRole('button', { name: 'Start crawl' }).click();
  await e2e.page.waitForURL(/site-analyzer\/[a-z0-9]+$/);
};

describe('the Site Analyzer', () => {
  it('audits one page: the score and its issues by check', async () => {
    await logInAsDemoAdmin(e2e.page, e2e.server.url);
    await e2e.page.goto(analyzer());
    await e2e.page.getByRole('heading', { name: 'Site Analyzer' }).waitFor();
    await e2e.page.getByText('No audits yet').first().waitFor();
    await screenshot(e2e.page, '30-site-analyzer-empty');
    // A refused address keeps what was typed and says why under the field.
    await e2e.page.getByLabel('Address').fill('http://127.0.0.2/admin');
    await e2e.page.getByRole('button', { name: 'Audit page' }).click();
    await e2e.page.getByText(/127\.0\.0\.2 is a loopback address/).waitFor();
    await screenshot(e2e.page, '31-site-analyzer-refused');
    await e2e.page.getByLabel('Address').fill(`${site.origin}/contact`);
    await e2e.page.getByLabel('Address').press('Enter');
    await e2e.page
      .getByRole('heading', { name: 'Issues', exact: true })
      .waitFor({ timeout: 30_000 });
    await e2e.page
      .getByText(/checks passed/)
      .first()
      .waitFor();
    await screenshot(e2e.page, '32-site-page-audit');
  });

  it('crawls the site in the background, its progress counting pages', async () => {
    site.latencyMs = 25;
    await startCrawl();
    const progress = e2e.page.getByRole('progressbar');
    await progress.waitFor({ timeout: 30_000 });
    await e2e.page
      .getByText(/[1-9]\d* of \d+ pages crawled/)
      .first()
      .waitFor();
    await screenshot(e2e.page, '33-site-crawl-progress');
    site.latencyMs = 0;
    await e2e.page.getByRole('heading', { name: 'Site-wide issues' }).waitFor({ timeout: 120_000 });
    await e2e.page.getByRole('heading', { name: 'Pages', exact: true }).waitFor();
    await screenshot(e2e.page, '34-site-crawl-done');
    await e2e.page.getByRole('heading', { name: 'Site-wide issues' }).scrollIntoViewIfNeeded();
    await e2e.page.getByText('/missing').first().waitFor();
    await screenshot(e2e.page, '34b-site-wide-issues', false);
    const pages = e2e.page.getByRole('heading', { name: 'Pages', exact: true });
    await pages.scrollIntoViewIfNeeded();
    await screenshot(e2e.page, '34c-site-pages', false);
    await e2e.page.getByLabel('Search pages').fill('contact');
    // The search applies after a typing pause: the other pages leave the table.
    await e2e.page
      .getByRole('row')
      .filter({ hasText: '/about' })
      .waitFor({ state: 'detached', timeout: 10_000 });
    await e2e.page.getByRole('row').filter({ hasText: '/contact' }).first().click();
    await e2e.page.getByRole('dialog').getByText('Page details').waitFor();
    // Past the dialog's fade-in.
    await e2e.page.waitForTimeout(400);
    await screenshot(e2e.page, '34d-site-page-details', false);
    await e2e.page.keyboard.press('Escape');
  }, 180_000);

  it('compares a second crawl with the first: fixed, new, still open, and the score over time', async () => {
    site.edits['/about'] = { title: '' };
    delete site.edits['/contact'];
    await startCrawl();
    await e2e.page.getByRole('heading', { name: 'Site-wide issues' }).waitFor({ timeout: 120_000 });
    const compareWith = e2e.page.getByLabel('Compare with');
    await compareWith.click();
    await e2e.page.getByRole('option').first().click();
    await e2e.page.waitForURL(/compare\/[a-z0-9]+$/);
    await e2e.page.getByRole('heading', { name: 'Score over time' }).waitFor({ timeout: 30_000 });
    await e2e.page.getByRole('heading', { name: 'New' }).first().waitFor();
    await e2e.page.getByRole('heading', { name: 'Still open' }).waitFor();
    await screenshot(e2e.page, '35-site-compare');
  }, 180_000);

  it('saves a recurring audit: the list shows when it runs next; pause, then delete it', async () => {
    await e2e.page.goto(analyzer());
    await e2e.page.getByText('No recurring audits yet').waitFor();
    await e2e.page.getByLabel('Address').fill(`${site.origin}/contact`);
    await e2e.page.getByRole('combobox', { name: 'Repeat' }).click();
    await e2e.page.getByRole('option', { name: 'Every week' }).click();
    await e2e.page.getByRole('combobox', { name: 'On' }).click();
    await e2e.page.getByRole('option', { name: 'Monday' }).click();
    await e2e.page.getByRole('button', { name: 'Save recurring audit' }).click();
    await e2e.page.getByText(/Recurring audit saved. It runs next on Monday/).waitFor();
    const row = e2e.page.getByRole('row').filter({ hasText: 'Every Monday at 06:00' });
    await row.waitFor();
    await screenshot(e2e.page, '36-site-recurring');

    const active = row.getByRole('switch');
    await active.click();
    await row.getByText('Paused').waitFor();
    await row.getByRole('button', { name: /Delete the recurring audit/ }).click();
    await e2e.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await e2e.page.getByText('No recurring audits yet').waitFor();
  });
});
