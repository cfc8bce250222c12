import type { Browser, Page } from 'playwright-core';
import type { JobView } from '../../contracts/jobs';
import { launchBrowser, logInAsDemoAdmin, screenshot } from '../helpers/browser';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server';
import {
  DEMO_ADMIN,
  startPlaygroundWithFake,
  type PlaygroundServer,
} from '../helpers/playground-server';
import { assertRedis, flushPrefix, testRedisPrefix } from '../helpers/redis';
import { waitUntil } from '../helpers/wait';

// The playground with a provider (the fake model server) and BullMQ on Redis, set in the config.
const prefix = testRedisPrefix();
let fake: FakeModelServer;
let server: PlaygroundServer;
let browser: Browser;
let page: Page;
let token: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions
type Json = any;

const api = async (
  method: string,
  path: string,
  body?: object,
): Promise<{ status: number; body: Json }> => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
};

const startJob = async (title: string) => {
  const { status, body } = await api('POST', '/alwrity/generations', { prompt: title, title });
  expect(status).toBe(202);
  return body.data.documentId as string;
};

const jobReaches = (id: string, wanted: (job: JobView) => boolean, what: string) =>
  waitUntil(
    `${what} (${id})`,
    async () => {
      const job = (await api('GET', `/alwrity/jobs/${id}`)).body.data as JobView;
      return wanted(job) ? job : undefined;
    },
    30_000,
    200,
  );

beforeAll(async () => {
  await assertRedis();
  fake = await startFakeModelServer();
  server = await startPlaygroundWithFake(Number(process.env.E2E_PORT_JOBS ?? 1398), fake, prefix, {
    jobAttempts: 1,
  });
  token = (await api('POST', '/admin/login', DEMO_ADMIN)).body.data.token;
  ({ browser, page } = await launchBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
  await flushPrefix(prefix);
});

describe('the Jobs panel with real jobs', () => {
  it('lists finished, failed and running jobs with progress, duration and actions', async () => {
    fake.enqueue(
      { text: 'A short and finished piece of text.', chunkDelayMs: 20 },
      { status: 400, errorMessage: 'The prompt was refused.' },
      { text: Array.from({ length: 120 }, (_, i) => `word${i}`).join(' '), chunkDelayMs: 250 },
    );
    const done = await startJob('Product launch announcement');
    await jobReaches(done, (job) => job.status === 'succeeded', 'the first job to succeed');
    const failed = await startJob('Newsletter for March');
    await jobReaches(failed, (job) => job.status === 'failed', 'the second job to fail');
    const running = await startJob('Long read: the history of type');
    await jobReaches(running, (job) => job.progress > 20, 'the third job to make progress');

    await logInAsDemoAdmin(page, server.url);
    await page.goto(`${server.url}/admin/plugins/alwrity/jobs`);
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    await page.getByText('Long read: the history of type').waitFor();
    await page.getByText('Succeeded', { exact: true }).waitFor();
    await page.getByText('Failed', { exact: true }).waitFor();
    await page.getByText('Running', { exact: true }).waitFor();
    await screenshot(page, '05-jobs-list');
  });

  it('cancels the running job from its row', async () => {
    await page.getByRole('button', { name: 'Cancel' }).first().click();
    await page.getByText('Job canceled').waitFor();
    await page.getByText('Canceled', { exact: true }).first().waitFor();
    await screenshot(page, '06-jobs-canceled');
    await fake.waitFor((requests) => requests.some((request) => request.closedEarly));
  });

  it('opens the read-only queue dashboard (bull-board) in a new tab', async () => {
    const [board] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Queue dashboard' }).click(),
    ]);
    await board.waitForURL(/\/alwrity\/board\/$/);
    await board.getByText('generation', { exact: true }).first().waitFor({ timeout: 30_000 });
    await screenshot(board, '07-queue-board');
    await board.close();
  });

  it('shows the key from the config file masked and locked, and the Redis queue', async () => {
    await page.goto(`${server.url}/admin/settings/alwrity`);
    await page.getByRole('heading', { name: 'AI providers', level: 1 }).waitFor();
    await page.getByText('BullMQ on Redis').waitFor();
    const html = await page.content();
    expect(html).not.toContain('sk-e2e-config-key-4321');
    await screenshot(page, '08-settings-configured');
  });
});
