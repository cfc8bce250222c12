import { generation, readEvents, startGeneration, waitForStatus } from '../helpers/jobs';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

// This Strapi serves requests only; the jobs run in a separate worker process.
const suite = useSuite({ config: { worker: 'off' } });
const chatRequests = () => suite.fake.requests.filter((request) => request.kind === 'chat');
const workers: WorkerProcess[] = [];

const startWorker = async () => {
  const worker = await startWorkerProcess(suite.env());
  workers.push(worker);
  return worker;
};

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
});

beforeEach(() => suite.fake.reset());

describe('web and worker in separate processes, sharing the database and Redis', () => {
  it('leaves a job queued until a worker process runs it, and streams its progress here', async () => {
    // Long enough to still be running once the worker process reports it is up.
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    suite.fake.enqueue({ text, chunkDelayMs: 200 });
    const id = await startGeneration(suite.app, 'Across processes.');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await generation(suite.strapi, id)).status).toBe('queued');
    expect(chatRequests()).toHaveLength(0);

    await startWorker();
    const { events } = await readEvents(suite.app, `/alwrity/jobs/${id}/events`);
    const progress = events.filter((event) => event.event === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.data.detail.text).toContain('one two');
    expect(events.at(-1)).toMatchObject({
      event: 'job',
      data: { id, status: 'succeeded', result: { text } },
    });
    expect(chatRequests()).toHaveLength(1);
  });

  it('cancels, from here, a job running in the worker process', async () => {
    if (!workers.length) await startWorker();
    suite.fake.enqueue({ text: 'a b c d e f g h i j k l', chunkDelayMs: 300 });
    const id = await startGeneration(suite.app);
    await waitForStatus(suite.app, id, 'running');
    await suite.fake.waitFor((requests) => requests.length === 1);
    await suite.app.as('superAdmin').post(`/alwrity/jobs/${id}/cancel`).expect(200);
    await waitForStatus(suite.app, id, 'canceled');
    await suite.fake.waitFor((requests) => requests[0]?.closedEarly === true);
  });

  it('on SIGTERM, hands its running job back and exits 0; the next worker completes it once', async () => {
    if (!workers.length) await startWorker();
    const text = 'p q r s t u v w x y z';
    suite.fake.setDefault({ text, chunkDelayMs: 300 });
    const id = await startGeneration(suite.app);
    await waitForStatus(suite.app, id, 'running');
    await waitUntil('the first chunks', () => chatRequests().length === 1);

    const worker = workers.shift()!;
    const code = await worker.stop('SIGTERM');
    // The output says why, when it did not stop cleanly.
    expect({ code, output: code === 0 ? '' : worker.output() }).toEqual({ code: 0, output: '' });
    expect((await generation(suite.strapi, id)).status).toBe('queued');
    expect(chatRequests()[0]!.closedEarly).toBe(true);

    await startWorker();
    const job = await waitForStatus(suite.app, id, 'succeeded', 30_000);
    expect(job.result).toEqual({ text });
    expect(chatRequests()).toHaveLength(2);
  });
});
