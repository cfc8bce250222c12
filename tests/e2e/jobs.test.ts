import type { JobView } from '../../contracts/jobs';
import { logInAsDemoAdmin, screenshot } from '../helpers/browser';
import { useFakePlayground } from '../helpers/e2e-suite';
import { DEMO_ADMIN } from '../helpers/playground-server';
import { waitUntil } from '../helpers/wait';

// The playground with a provider (the fake model server) and BullMQ on Redis, set in the config.
const e2e = useFakePlayground(Number(process.env.E2E_PORT_JOBS ?? 1398), { jobAttempts: 1 });
let token: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions
type Json = any;

const api = async (
  method: string,
  path: string,
  body?: object,
): Promise<{ status: number; body: Json }> => {
  const response = await fetch(`${e2e.server.url}${path}`, {
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
  token = (await api('POST', '/admin/login', DEMO_ADMIN)).body.data.token;
});

describe('the Jobs panel with real jobs', () => {
  it('lists finished, failed and running jobs with progress, duration and actions', async () => {
    e2e.fake.enqueue(
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

    await logInAsDemoAdmin(e2e.page, e2e.server.url);
    await e2e.page.goto(`${e2e.server.url}/admin/plugins/alwrity/jobs`);
    await e2e.page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    await e2e.page.getByText('Long read: the history of type').waitFor();
    await e2e.page.getByText('Succeeded', { exact: true }).waitFor();
    await e2e.page.getByText('Failed', { exact: true }).waitFor();
    await e2e.page.getByText('Running', { exact: true }).waitFor();
    await screenshot(e2e.page, '05-jobs-list');
  });

  it('cancels the running job from its row', async () => {
    await e2e.page.getByRole('button', { name: 'Cancel' }).first().click();
    await e2e.page.getByText('Job canceled').waitFor();
    await e2e.page.getByText('Canceled', { exact: true }).first().waitFor();
    await screenshot(e2e.page, '06-jobs-canceled');
    await e2e.fake.waitFor((requests) => requests.some((request) => request.closedEarly));
  });

  it('opens the read-only queue dashboard (bull-board) in a new tab', async () => {
    const [board] = await Promise.all([
      e2e.page.waitForEvent('popup'),
      e2e.page.getByRole('button', { name: 'Queue dashboard' }).click(),
    ]);
    await board.waitForURL(/\/alwrity\/board\/$/);
    await board.getByText('generation', { exact: true }).first().waitFor({ timeout: 30_000 });
    await screenshot(board, '07-queue-board');
    await board.close();
  });

  it('shows the key from the config file masked and locked, and the Redis queue', async () => {
    await e2e.page.goto(`${e2e.server.url}/admin/settings/alwrity`);
    await e2e.page.getByRole('heading', { name: 'AI providers', level: 1 }).waitFor();
    await e2e.page.getByText('BullMQ on Redis').waitFor();
    const html = await e2e.page.content();
    expect(html).not.toContain('sk-e2e-config-key-4321');
    await screenshot(e2e.page, '08-settings-configured');
  });
});
