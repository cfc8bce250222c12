import { generationsRepository } from '../../server/repositories/generations';
import { getService } from '../../server/utils/services';
import {
  GENERATION,
  generation,
  readEvents,
  startGeneration,
  waitForStatus,
} from '../helpers/jobs';
import { peakOpen } from '../helpers/peak';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

const suite = useSuite();
const chatRequests = () => suite.fake.requests.filter((request) => request.kind === 'chat');

beforeEach(() => suite.fake.reset());

describe('queued generations on BullMQ and real Redis', () => {
  it('runs a job and stores its output, usage and cost; the audit log names the user', async () => {
    suite.fake.enqueue({ text: 'A fine line of text.', usage: { input: 12, output: 5 } });
    const id = await startGeneration(suite.app, 'Write a fine line.');
    const job = await waitForStatus(suite.app, id, 'succeeded');
    expect(job).toMatchObject({
      progress: 100,
      result: { text: 'A fine line of text.' },
      error: null,
    });
    const doc = await generation(suite.strapi, id);
    expect(doc).toMatchObject({ provider: 'openai', usage: { input: 12, output: 5, total: 17 } });
    expect(Number(doc.costEstimate)).toBeGreaterThan(0);
    const logs = await suite.strapi.db
      .query('plugin::alwrity.audit-log')
      .findMany({ where: { subjectDocumentId: id } });
    expect(logs).toEqual([
      expect.objectContaining({
        action: 'streamText',
        provider: 'openai',
        outcome: 'success',
        inputTokens: 12,
        outputTokens: 5,
        userId: suite.app.users.superAdmin.id,
        // Written by the query engine, as the Document Service would have written it.
        documentId: expect.stringMatching(/^[a-z0-9]{24}$/),
        publishedAt: expect.anything(),
        createdAt: expect.anything(),
      }),
    ]);
  });

  it('runs a job enqueued twice with the same id only once', async () => {
    suite.fake.setDefault({ text: 'Only once.', firstTokenDelayMs: 300 });
    const id = await startGeneration(suite.app);
    const jobs = getService(suite.strapi, 'jobs');
    await Promise.all([
      jobs.enqueue('generation', id, { userId: null }),
      jobs.enqueue('generation', id, { userId: null }),
    ]);
    await waitForStatus(suite.app, id, 'succeeded');
    await jobs.enqueue('generation', id, { userId: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(chatRequests()).toHaveLength(1);
    expect((await generation(suite.strapi, id)).output).toEqual({ text: 'Only once.' });
  });

  it('retries a 429 that carries Retry-After inside a job, and succeeds', async () => {
    suite.fake.enqueue({ status: 429, retryAfter: 1 }, { text: 'After the wait.' });
    const id = await startGeneration(suite.app);
    const job = await waitForStatus(suite.app, id, 'succeeded');
    expect(job.result).toEqual({ text: 'After the wait.' });
    expect(chatRequests()).toHaveLength(2);
  });

  it('fails a job whose stream is cut, keeping the partial text and a clear error', async () => {
    suite.fake.enqueue({
      text: 'First words arrive and then the line goes dead',
      cutAfterChunks: 4,
    });
    const id = await startGeneration(suite.app);
    const job = await waitForStatus(suite.app, id, 'failed');
    expect(job.error).toMatch(/stream was cut after \d+ characters/);
    const doc = await generation(suite.strapi, id);
    expect(doc.output).toEqual({ text: 'First words arrive and ', partial: true });
    // A cut stream is not retried: the partial text would be written twice.
    expect(chatRequests()).toHaveLength(1);
  });

  it('cancels a running job: the upstream call is closed and the job ends canceled', async () => {
    suite.fake.enqueue({ text: 'one two three four five six seven eight', chunkDelayMs: 300 });
    const id = await startGeneration(suite.app);
    await waitForStatus(suite.app, id, 'running');
    await suite.fake.waitFor((requests) => requests.length === 1);
    const response = await suite.app
      .as('superAdmin')
      .post(`/alwrity/jobs/${id}/cancel`)
      .expect(200);
    expect(['running', 'canceled']).toContain(response.body.data.status);
    await waitForStatus(suite.app, id, 'canceled');
    await suite.fake.waitFor((requests) => requests[0]?.closedEarly === true);
    await suite.app.as('superAdmin').post(`/alwrity/jobs/${id}/cancel`).expect(400);
  });

  it('cancels jobs waiting for a model-call slot or in the queue, without calling the model', async () => {
    // Under the stream idle timeout (2 s), and long enough to queue the last two runs meanwhile.
    suite.fake.setDefault({ text: 'slow', firstTokenDelayMs: 1500 });
    // Eleven runs at once: four calls fill the suite's four slots, seven wait beside them in the
    // worker (three jobs per slot); then the twelfth is the worker's last, waiting for a slot,
    // and the thirteenth waits in the queue.
    const ids = await Promise.all(Array.from({ length: 11 }, () => startGeneration(suite.app)));
    await suite.fake.waitFor((requests) => requests.length === 4);
    const forSlot = await startGeneration(suite.app);
    const inQueue = await startGeneration(suite.app);
    await waitForStatus(suite.app, forSlot, 'running');
    expect((await generation(suite.strapi, inQueue)).status).toBe('queued');
    for (const id of [forSlot, inQueue]) {
      await suite.app.as('superAdmin').post(`/alwrity/jobs/${id}/cancel`).expect(200);
      await waitForStatus(suite.app, id, 'canceled');
    }
    await Promise.all(ids.map((id) => waitForStatus(suite.app, id, 'succeeded')));
    expect(chatRequests()).toHaveLength(11);
    expect(peakOpen(chatRequests())).toBe(4);
  });

  it('retries a failed job under the same id', async () => {
    suite.fake.enqueue({ status: 400, errorMessage: 'bad prompt' }, { text: 'Second time lucky.' });
    const id = await startGeneration(suite.app);
    const failed = await waitForStatus(suite.app, id, 'failed');
    expect(failed.error).toBe('OpenAI (gpt-4o-mini) refused the request (HTTP 400).');
    await suite.app.as('superAdmin').post(`/alwrity/jobs/${id}/retry`).expect(200);
    const job = await waitForStatus(suite.app, id, 'succeeded');
    expect(job).toMatchObject({ error: null, result: { text: 'Second time lucky.' } });
    await suite.app.as('superAdmin').post(`/alwrity/jobs/${id}/retry`).expect(400);
  });

  it('streams a job snapshot, progress and the final state as server-sent events', async () => {
    suite.fake.enqueue({ text: 'one two three four five six', chunkDelayMs: 150 });
    const id = await startGeneration(suite.app);
    const { response, events } = await readEvents(suite.app, `/alwrity/jobs/${id}/events`);
    expect(response.headers['content-type']).toContain('text/event-stream');
    expect(events[0]).toMatchObject({ event: 'job', data: { id } });
    expect(events.some((e) => e.event === 'progress' && typeof e.data.percent === 'number')).toBe(
      true,
    );
    expect(events.at(-1)).toMatchObject({
      event: 'job',
      data: { status: 'succeeded', progress: 100 },
    });
  });

  it('lists recent jobs with filters and pagination', async () => {
    const { body } = await suite.app.as('superAdmin').get('/alwrity/jobs?pageSize=2');
    expect(body.data).toHaveLength(2);
    expect(body.meta.pagination).toMatchObject({ page: 1, pageSize: 2 });
    expect(body.meta.pagination.total).toBeGreaterThanOrEqual(8);
    expect(new Date(body.data[0].createdAt) >= new Date(body.data[1].createdAt)).toBe(true);
    const failed = await suite.app.as('superAdmin').get('/alwrity/jobs?status=failed');
    expect(failed.body.data.every((job: { status: string }) => job.status === 'failed')).toBe(true);
    expect(failed.body.data.length).toBeGreaterThan(0);
  });
});

describe('a job survives a Strapi restart', () => {
  it('is handed back on shutdown and completes once after the next boot', async () => {
    const text = 'a b c d e f g h i j k l m n o p q r s t';
    suite.fake.setDefault({ text, chunkDelayMs: 300 });
    const id = await startGeneration(suite.app, 'Long one.');
    await waitForStatus(suite.app, id, 'running');
    await waitUntil('the first chunks', () => suite.fake.requests.length === 1);

    let succeededWrites = 0;
    let statusAtBoot: string | undefined;
    await suite.restart(async (strapi) => {
      statusAtBoot = (await generation(strapi, id)).status;
      strapi.db.lifecycles.subscribe({
        models: ['plugin::alwrity.generation'],
        afterUpdateMany(event: { params: { data?: { status?: string } } }) {
          if (event.params.data?.status === 'succeeded') succeededWrites += 1;
        },
      });
    });
    // Shut down mid-job: the document went back to queued (or is already running again).
    expect(['queued', 'running']).toContain(statusAtBoot);
    const job = await waitForStatus(suite.app, id, 'succeeded');
    expect(job.result).toEqual({ text });
    expect(suite.fake.requests[0]!.closedEarly).toBe(true);
    expect(chatRequests()).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(succeededWrites).toBe(1);
  });
});

describe('several job kinds on one content type', () => {
  it('runs each document with the kind that names it, and filters the list by kind', async () => {
    const jobs = getService(suite.strapi, 'jobs');
    jobs.registerKind({
      name: 'echo',
      store: generationsRepository(suite.strapi),
      documentKinds: ['echo'],
      run: async ({ progress }) => {
        await progress({ percent: 50, stage: 'Echoing' });
        return { output: { text: 'echoed' } };
      },
    });
    await jobs.stop();
    await jobs.start();
    const doc = await suite.strapi
      .documents(GENERATION)
      .create({ data: { kind: 'echo', status: 'queued', input: {} } as never });
    await jobs.enqueue('echo', doc.documentId, { userId: null });
    const job = await waitForStatus(suite.app, doc.documentId, 'succeeded');
    expect(job).toMatchObject({ kind: 'echo', result: { text: 'echoed' } });
    expect(chatRequests()).toHaveLength(0);

    const echoes = await suite.app.as('superAdmin').get('/alwrity/jobs?kind=echo').expect(200);
    expect(echoes.body.data.map((j: { id: string }) => j.id)).toEqual([doc.documentId]);
    const prompts = await suite.app.as('superAdmin').get('/alwrity/jobs?kind=generation');
    expect(prompts.body.data.length).toBeGreaterThan(0);
    expect(prompts.body.data.every((j: { kind: string }) => j.kind === 'prompt')).toBe(true);
    const unknown = await suite.app.as('superAdmin').get('/alwrity/jobs?kind=nope').expect(400);
    expect(unknown.body.error.message).toContain('kind');
  });
});

describe('what a worker picks up is parsed, not trusted', () => {
  it('fails a job whose payload or stored input no longer fits, with a clear error, and runs the others', async () => {
    suite.fake.setDefault({ text: 'Fine.' });
    const jobs = getService(suite.strapi, 'jobs');
    const documents = suite.strapi.documents(GENERATION);
    // A payload from another version, and a run whose stored input lost its prompt.
    const badPayload = await documents.create({
      data: { kind: 'prompt', status: 'queued', input: { prompt: 'Hi' } } as never,
    });
    const badInput = await documents.create({
      data: { kind: 'prompt', status: 'queued', input: { text: 'no prompt here' } } as never,
    });
    await jobs.enqueue('generation', badPayload.documentId, { userId: 'ann' } as never);
    await jobs.enqueue('generation', badInput.documentId, { userId: null });
    const good = await startGeneration(suite.app, 'Still works.');

    const payloadJob = await waitForStatus(suite.app, badPayload.documentId, 'failed');
    expect(payloadJob.error).toBe(
      'This job could not be read (it was queued by another version); start it again.',
    );
    const inputJob = await waitForStatus(suite.app, badInput.documentId, 'failed');
    expect(inputJob.error).toMatch(
      /^The run's stored options no longer fit this writer \(prompt: /,
    );
    expect(inputJob.attempts).toBe(1);
    await waitForStatus(suite.app, good, 'succeeded');
  });
});
