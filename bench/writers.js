/**
 * Budgets of the AI writer, in a booted Strapi over HTTP against the fake model server:
 * - time to the first streamed character through the plugin, minus the fake server's own
 *   first-token delay: at most 15 ms (median of 50);
 * - streaming throughput through the plugin: at least 95% of a direct SDK read of the same stream;
 * - 50 concurrent long-form blog jobs at 200 ms per model call: all finish within 1.2 times the
 *   ideal time (every call slot always busy), none lost, none duplicated, and never more model
 *   calls at once than the configured concurrency.
 */
const { randomBytes } = require('node:crypto');
const { register } = require('esbuild-register/dist/node');
const { clockOffset, followRequests } = require('./follow-requests');
const { inClient } = require('./in-client');
const { median, percentile, fmt } = require('./stats');

const { unregister } = register({ extensions: ['.ts'] });
const { startFakeModelServer } = require('../tests/helpers/fake-model-server.ts');
const { blogReplies, blogStepOf } = require('../tests/helpers/fake-blog.ts');
const { bootStrapi, createTestDatabase, testApp } = require('../tests/helpers/strapi.ts');
const { testConfig } = require('../tests/helpers/suite.ts');
const { flushPrefix } = require('../tests/helpers/redis.ts');
const { peakOpen } = require('../tests/helpers/peak.ts');
unregister();

const FIRST_TOKEN_DELAY_MS = 50;
const TTFC_RUNS = Number(process.env.BENCH_TTFC_RUNS ?? 50);
const STREAM_WORDS = 2000;
const STREAM_RUNS = 5;
const BLOG_JOBS = 50;
const CALL_MS = 200;
const CONCURRENCY = 8;

const ARTICLE = {
  headline: 'City opens a composting centre',
  lead: 'The city opened a composting centre on Monday.',
  body: 'Food waste goes in the green bin.',
};

async function timeToFirstCharacter({ port, token, fake, strapi }) {
  fake.reset();
  fake.setDefault({ json: ARTICLE, firstTokenDelayMs: FIRST_TOKEN_DELAY_MS, chunkDelayMs: 2 });
  const path = '/alwrity/writers/news/generate';
  const followed = followRequests(strapi, path);
  const runs = await inClient({
    port,
    token,
    path,
    body: { input: { topic: 'The new composting centre' } },
    warmup: 5,
    runs: TTFC_RUNS,
  }).finally(() => followed.stop());
  const marks = followed.marks.slice(-TTFC_RUNS);
  const atModel = fake.requests
    .slice(-TTFC_RUNS)
    .map((request) => request.receivedAt + clockOffset);
  const plugin = runs.map((run) => run.firstAt - run.started - FIRST_TOKEN_DELAY_MS);
  const step = (from, to) => median(runs.map((run, i) => to(run, i) - from(run, i)));
  const direct = (await inClient({ baseURL: fake.openaiBaseURL, warmup: 5, runs: TTFC_RUNS })).map(
    (run) => run.firstAt - run.started - FIRST_TOKEN_DELAY_MS,
  );
  const overhead = median(plugin);
  console.log(
    `first streamed character through the plugin, minus the fake's ${FIRST_TOKEN_DELAY_MS} ms: median ${fmt(overhead)}, p95 ${fmt(percentile(plugin, 95))} over ${TTFC_RUNS} runs (budget <= 15 ms) ${overhead <= 15 ? 'OK' : 'OVER BUDGET'}`,
  );
  const strapiPart = step(
    (_, i) => marks[i].received,
    (_, i) => marks[i].authenticated,
  );
  console.log(
    [
      '  where the time goes (medians):',
      `request to Strapi ${fmt(
        step(
          (run) => run.started,
          (_, i) => marks[i].received,
        ),
      )}`,
      `Strapi's middlewares and admin authentication (session, user, abilities) ${fmt(strapiPart)}`,
      `permission policy, validation, prompt and the SDK building its request ${fmt(
        step(
          (_, i) => marks[i].authenticated,
          (_, i) => marks[i].modelRequest,
        ),
      )}`,
      `request to the model ${fmt(
        step(
          (_, i) => marks[i].modelRequest,
          (_, i) => atModel[i],
        ),
      )}`,
      `the model's first chunk to the reader, through the SDK and the event stream ${fmt(
        step(
          (_, i) => atModel[i] + FIRST_TOKEN_DELAY_MS,
          (run) => run.firstAt,
        ),
      )}`,
    ].join('\n    '),
  );
  const handedOver = runs.map(
    (run, i) => run.firstAt - marks[i].authenticated - FIRST_TOKEN_DELAY_MS,
  );
  console.log(
    `  from Strapi handing the authenticated request to the plugin to the first character: median ${fmt(median(handedOver))}, p95 ${fmt(percentile(handedOver, 95))}`,
  );
  console.log(
    `  the same stream read straight with the SDK: ${fmt(median(direct))}; so Strapi's request and the SDK alone take ${fmt(strapiPart + median(direct))} of the budget`,
  );
  return overhead <= 15;
}

async function throughput({ port, token, fake }) {
  const long = Array.from({ length: STREAM_WORDS }, (_, i) => `word${i % 10}`).join(' ');
  fake.setDefault({ text: long, chunkDelayMs: 1 });
  const rate = ({ text, firstAt, last }) => text.length / ((last - firstAt) / 1000);
  const through = await inClient({
    port,
    token,
    path: '/alwrity/rewrite',
    body: { text: 'Some text.', operation: 'rephrase' },
    warmup: 1,
    runs: STREAM_RUNS,
  });
  if (through.some((run) => run.text.trim() !== long)) {
    throw new Error('the plugin lost part of the stream');
  }
  const direct = await inClient({ baseURL: fake.openaiBaseURL, warmup: 1, runs: STREAM_RUNS });
  const ratio = median(through.map(rate)) / median(direct.map(rate));
  console.log(
    `stream throughput (${STREAM_WORDS} chunks): plugin ${Math.round(median(through.map(rate)))} chars/s, direct SDK ${Math.round(median(direct.map(rate)))} chars/s, ratio ${ratio.toFixed(3)} (budget >= 0.95) ${ratio >= 0.95 ? 'OK' : 'OVER BUDGET'}`,
  );
  return ratio >= 0.95;
}

async function concurrentBlogs({ app, strapi, fake }) {
  fake.reset();
  fake.setDefault(blogReplies(3, { firstTokenDelayMs: CALL_MS }));
  // Every database statement of the run, timed: SQLite's driver holds the event loop while it works.
  const db = { count: 0, ms: 0, open: new Map() };
  const onQuery = (query) => db.open.set(query.__knexQueryUid, performance.now());
  const onDone = (_response, query) => {
    const at = db.open.get(query.__knexQueryUid);
    if (at === undefined) return;
    db.open.delete(query.__knexQueryUid);
    db.count += 1;
    db.ms += performance.now() - at;
  };
  strapi.db.connection.on('query', onQuery).on('query-response', onDone);
  const started = performance.now();
  const startedAt = Date.now();
  const ids = await Promise.all(
    Array.from({ length: BLOG_JOBS }, async (_, i) => {
      const { body } = await app.as('superAdmin').post('/alwrity/writers/blog/generate', {
        input: { topic: `Bench post number ${i}`, sections: 3, includeFaq: true },
      });
      return body.data.documentId;
    }),
  );
  const rows = () =>
    strapi.db.query('plugin::alwrity.generation').findMany({ where: { documentId: { $in: ids } } });
  for (;;) {
    const current = await rows();
    if (current.every((row) => ['succeeded', 'failed', 'canceled'].includes(row.status))) break;
    if (performance.now() - started > 120_000) throw new Error('blog jobs did not finish in 2 min');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  strapi.db.connection.off('query', onQuery).off('query-response', onDone);
  const finished = await rows();
  // Done when the last job was, not when the polling loop next looked.
  const elapsed =
    Math.max(...finished.map((row) => new Date(row.finishedAt).getTime())) - startedAt;
  const succeeded = finished.filter((row) => row.status === 'succeeded');
  const inOrder = succeeded.filter((row) =>
    row.output.sections.every((section, i) => section.heading === `Heading ${i + 1}`),
  );
  // Every job's calls, told apart by its topic: each step exactly once.
  const expected = 'outline,introduction,section 1,section 2,section 3,conclusion,faq,meta';
  const chats = fake.requests.filter((r) => r.kind === 'chat');
  const duplicatedOrLost = Array.from({ length: BLOG_JOBS }, (_, i) =>
    chats
      .filter((r) => JSON.stringify(r.body).includes(`Bench post number ${i}\\n`))
      .map(blogStepOf)
      .join(','),
  ).filter((steps) => steps !== expected).length;
  const peak = peakOpen(chats);
  const split = wallSplit(chats, started, elapsed);
  const ideal = (BLOG_JOBS * 8 * CALL_MS) / CONCURRENCY;
  const ratio = elapsed / ideal;
  const ok =
    ratio <= 1.2 &&
    succeeded.length === BLOG_JOBS &&
    inOrder.length === BLOG_JOBS &&
    duplicatedOrLost === 0 &&
    peak <= CONCURRENCY;
  console.log(
    `${BLOG_JOBS} concurrent blog jobs at ${CALL_MS} ms per call: ${succeeded.length}/${BLOG_JOBS} succeeded, ${inOrder.length} with sections in order, ${chats.length} model calls (${duplicatedOrLost} jobs with a lost or repeated step), peak ${peak} calls at once (concurrency ${CONCURRENCY}), ${(elapsed / 1000).toFixed(1)} s in all, ideal ${(ideal / 1000).toFixed(1)} s, ratio ${ratio.toFixed(2)} (budget <= 1.20) ${ok ? 'OK' : 'OVER BUDGET'}`,
  );
  console.log(
    `  where the wall time goes (call-slot seconds / ${CONCURRENCY} slots): model calls ${split.model} s; slots idle before the first call ${split.idleBefore} s, during the run ${split.idleDuring} s, in the tail ${split.idleTail} s; a freed slot's next call arrives after median ${split.handoffMedian}, p90 ${split.handoffP90}. Between one job's calls (its own work and waiting for a slot): median ${split.gapMedian}, p90 ${split.gapP90} (median after each kind of step: ${split.gapAfter})`,
  );
  console.log(
    `  database: ${db.count} statements (the polling loop's included), ${(db.ms / 1000).toFixed(2)} s in all, ${(db.ms / db.count).toFixed(2)} ms each`,
  );
  return ok;
}

/**
 * Splits the run's call-slot time (wall time × concurrency) into calls in flight at the fake
 * server and idle slots: before the first call (the requests creating the jobs), in the run, and
 * in the tail once fewer jobs are left than slots. Also the gaps between one job's calls: its
 * own work between steps (saving the draft, progress, the audit log) plus waiting for a slot.
 */
function wallSplit(chats, started, elapsed) {
  const end = started + elapsed;
  const edges = chats
    .flatMap((r) => [
      [r.receivedAt, 1],
      [r.closedAt ?? end, -1],
    ])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let at = started;
  let lastFull = started;
  const idleUntil = [];
  for (const [time, change] of edges) {
    idleUntil.push([time, (CONCURRENCY - open) * (time - at)]);
    open += change;
    at = time;
    if (open >= CONCURRENCY) lastFull = time;
  }
  idleUntil.push([end, (CONCURRENCY - open) * (end - at)]);
  const firstCall = edges[0]?.[0] ?? end;
  const sum = (list) => list.reduce((total, [, ms]) => total + ms, 0);
  const before = (firstCall - started) * CONCURRENCY;
  const tail = sum(idleUntil.filter(([time]) => time > lastFull));
  const idle = sum(idleUntil);
  const busy = chats.reduce((total, r) => total + ((r.closedAt ?? end) - r.receivedAt), 0);

  const byJob = new Map();
  for (const request of chats) {
    const topic = /Bench post number (\d+)\\n/.exec(JSON.stringify(request.body))?.[1];
    if (topic === undefined) continue;
    byJob.set(topic, [...(byJob.get(topic) ?? []), request]);
  }
  const gaps = [];
  const gapsAfter = new Map();
  for (const calls of byJob.values()) {
    calls.sort((a, b) => a.receivedAt - b.receivedAt);
    calls.slice(1).forEach((call, i) => {
      const gap = call.receivedAt - (calls[i].closedAt ?? calls[i].receivedAt);
      gaps.push(gap);
      const after = blogStepOf(calls[i]).replace(/ \d+$/, '');
      gapsAfter.set(after, [...(gapsAfter.get(after) ?? []), gap]);
    });
  }
  // How soon a slot freed in the run is taken by the next call, wherever it comes from.
  const arrivals = chats.map((r) => r.receivedAt).sort((a, b) => a - b);
  const handoffs = chats
    .filter((r) => r.closedAt !== undefined && r.closedAt < lastFull)
    .map((r) => arrivals.find((time) => time >= r.closedAt) - r.closedAt)
    .filter(Number.isFinite);
  const perSlot = (ms) => (ms / 1000 / CONCURRENCY).toFixed(2);
  return {
    handoffMedian: fmt(median(handoffs)),
    handoffP90: fmt(percentile(handoffs, 90)),
    model: perSlot(busy),
    idleBefore: perSlot(before),
    idleDuring: perSlot(idle - before - tail),
    idleTail: perSlot(tail),
    gapMedian: fmt(median(gaps)),
    gapP90: fmt(percentile(gaps, 90)),
    gapAfter: [...gapsAfter].map(([step, list]) => `${step} ${fmt(median(list))}`).join(', '),
  };
}

module.exports = async function writersBench() {
  const fake = await startFakeModelServer();
  const db = await createTestDatabase();
  const prefix = `alwrity-bench-${randomBytes(4).toString('hex')}`;
  const strapi = await bootStrapi({
    ...db.env,
    ALWRITY_CONFIG: JSON.stringify(
      testConfig(fake, prefix, {
        limits: { concurrency: CONCURRENCY, requestTimeoutMs: 10_000, streamIdleTimeoutMs: 5000 },
      }),
    ),
  });
  const server = strapi.server.httpServer;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  try {
    const app = await testApp(strapi);
    // An Author, as content writers are: a super admin's every request costs Strapi ~20 ms more
    // to build its abilities from all permissions, before any plugin code runs.
    const context = { port, token: app.tokens.author, fake, app, strapi };
    // BENCH_WRITERS=ttfc,throughput,blogs runs only some of them.
    const only = (process.env.BENCH_WRITERS ?? 'ttfc,throughput,blogs').split(',');
    let ok = true;
    if (only.includes('ttfc')) ok = (await timeToFirstCharacter(context)) && ok;
    if (only.includes('throughput')) ok = (await throughput(context)) && ok;
    if (only.includes('blogs')) ok = (await concurrentBlogs(context)) && ok;
    return { name: 'writers', ok };
  } finally {
    await strapi.destroy();
    await fake.close();
    await db.drop();
    await flushPrefix(prefix);
  }
};
