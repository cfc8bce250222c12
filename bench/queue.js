/**
 * Budget: queue overhead per job (enqueue to completion, model call excluded) at most 10 ms
 * median over 500 jobs with real Redis. Two figures: BullMQ alone through the plugin's driver,
 * and the whole plugin pipeline in a booted Strapi (document created, status claimed, result
 * written) with a job kind whose work is empty.
 */
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const {
  createBullMQDriver,
  generationsRepository,
  flushPrefix,
  REDIS_URL,
} = require('./load-sources');
const { median, percentile, fmt } = require('./stats');

const JOBS = Number(process.env.BENCH_QUEUE_JOBS ?? 500);
const playground = path.resolve(__dirname, '..', 'playground');

/** A lost job fails the benchmark instead of hanging it. */
const withDeadline = (promise, what, ms = 10_000) => {
  let timer;
  return Promise.race([
    promise,
    new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not complete in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};

const report = (label, samples) => {
  const m = median(samples);
  console.log(
    `${label}: median ${fmt(m)}, p95 ${fmt(percentile(samples, 95))} over ${samples.length} jobs (budget <= 10 ms) ${m <= 10 ? 'OK' : 'OVER BUDGET'}`,
  );
  return m <= 10;
};

async function driverOnly() {
  const prefix = `alwrity-bench-${randomBytes(4).toString('hex')}`;
  const driver = createBullMQDriver({
    connection: { url: REDIS_URL },
    prefix,
    keepCompleted: 1000,
    keepFailed: 1000,
    shutdownGraceMs: 10000,
    logError: (what, error) => console.error(what, error),
  });
  const done = new Map();
  await driver.startWorkers({ bench: async () => undefined }, 4);
  const samples = [];
  try {
    for (let i = 0; i < JOBS + 20; i += 1) {
      const id = `job${i}x${randomBytes(3).toString('hex')}`;
      const finished = new Promise((resolve) => done.set(id, resolve));
      const unsubscribe = await driver.subscribe('bench', id, (event) => {
        if (event.type === 'completed') done.get(id)();
      });
      const started = performance.now();
      await driver.enqueue('bench', id, { n: i }, { attempts: 1 });
      await withDeadline(finished, `job ${i}`);
      if (i >= 20) samples.push(performance.now() - started);
      unsubscribe();
    }
  } finally {
    await driver.close();
    await flushPrefix(prefix);
  }
  return report('queue overhead, BullMQ driver', samples);
}

async function pluginPipeline() {
  const prefix = `alwrity-bench-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'alwrity-bench-queue-'));
  Object.assign(process.env, {
    PLAYGROUND_SEED: 'false',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'queue.db'),
    ALWRITY_CONFIG: JSON.stringify({ redis: { url: REDIS_URL, prefix } }),
  });
  process.chdir(playground);
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [playground] }));
  const strapi = createStrapi({ appDir: playground, distDir: playground });
  strapi.log.level = 'error';
  await strapi.load();
  const jobs = strapi.plugin('alwrity').service('jobs');
  const uid = 'plugin::alwrity.generation';
  const samples = [];
  try {
    // An empty job kind on the generation type: everything but the model call.
    jobs.registerKind({
      name: 'bench',
      store: generationsRepository(strapi),
      documentKinds: ['bench'],
      run: async () => ({ output: { text: '' } }),
    });
    await jobs.stop();
    await jobs.start();
    for (let i = 0; i < JOBS + 20; i += 1) {
      const doc = await strapi
        .documents(uid)
        .create({ data: { kind: 'bench', status: 'queued', input: {} } });
      let completed;
      const finished = new Promise((resolve) => (completed = resolve));
      // Subscribed before enqueueing, or a fast job's completion could go unheard.
      const unsubscribe = await jobs.subscribe(doc.documentId, (event) => {
        if (event.type === 'completed') completed();
      });
      const started = performance.now();
      await jobs.enqueue('bench', doc.documentId, { userId: null });
      await withDeadline(finished, `job ${i}`);
      unsubscribe();
      if (i >= 20) samples.push(performance.now() - started);
    }
    const succeeded = await strapi.db
      .query(uid)
      .count({ where: { kind: 'bench', status: 'succeeded' } });
    console.log(`pipeline jobs succeeded: ${succeeded}/${JOBS + 20}`);
  } finally {
    await strapi.destroy();
    await flushPrefix(prefix);
    rmSync(dir, { recursive: true, force: true });
  }
  return report('queue overhead, plugin pipeline (document claimed, result written)', samples);
}

module.exports = async function queueBench() {
  const driverOk = await driverOnly();
  const pipelineOk = await pluginPipeline();
  return { name: 'queue', ok: driverOk && pipelineOk };
};
