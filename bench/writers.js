/**
 * Budgets of the AI writer, in a booted Strapi over HTTP against the fake model server:
 * - time to the first streamed character through the plugin, minus the fake server's own
 *   first-token delay: at most 15 ms (median of 50);
 * - streaming throughput through the plugin: at least 95% of a direct SDK read of the same stream;
 * - 50 concurrent long-form blog jobs at 200 ms per model call: all finish, none lost, none
 *   duplicated, and never more model calls at once than the configured concurrency.
 */
const http = require('node:http');
const { randomBytes } = require('node:crypto');
const { register } = require('esbuild-register/dist/node');
const { median, percentile, fmt } = require('./stats');

const { unregister } = register({ extensions: ['.ts'] });
const { startFakeModelServer } = require('../tests/helpers/fake-model-server.ts');
const { blogReplies, blogStepOf } = require('../tests/helpers/fake-blog.ts');
const { bootStrapi, createTestDatabase, testApp } = require('../tests/helpers/strapi.ts');
const { testConfig } = require('../tests/helpers/suite.ts');
const { flushPrefix } = require('../tests/helpers/redis.ts');
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

/** POSTs and reads the event stream: when the first `delta` and the `result` arrived. */
const streamTimes = (port, token, path, body) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    let firstDelta;
    let text = '';
    let buffered = '';
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'text/event-stream',
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          buffered += chunk;
          let end;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            if (block.startsWith('event: delta')) {
              firstDelta ??= performance.now();
              text += JSON.parse(block.split('\ndata: ')[1]).text;
            } else if (block.startsWith('event: error')) {
              reject(new Error(block));
            }
          }
        });
        res.on('end', () =>
          resolve({
            started,
            firstDelta: firstDelta - started,
            last: performance.now(),
            firstAt: firstDelta,
            text,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });

/** The same stream read straight from the fake server with the OpenAI SDK. */
const directStream = async (client, messages) => {
  const started = performance.now();
  let firstAt;
  let text = '';
  const stream = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages,
    stream: true,
  });
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content ?? '';
    if (delta) {
      firstAt ??= performance.now();
      text += delta;
    }
  }
  return { firstDelta: firstAt - started, firstAt, last: performance.now(), text };
};

async function timeToFirstCharacter({ port, token, fake, openai }) {
  fake.setDefault({ json: ARTICLE, firstTokenDelayMs: FIRST_TOKEN_DELAY_MS, chunkDelayMs: 2 });
  const post = () =>
    streamTimes(port, token, '/alwrity/writers/news/generate', {
      input: { topic: 'The new composting centre' },
    });
  for (let i = 0; i < 5; i += 1) await post();
  const plugin = [];
  const direct = [];
  const beforeCall = [];
  for (let i = 0; i < TTFC_RUNS; i += 1) {
    const run = await post();
    plugin.push(run.firstDelta - FIRST_TOKEN_DELAY_MS);
    beforeCall.push(fake.requests.at(-1).receivedAt - run.started);
    direct.push(
      (await directStream(openai, [{ role: 'user', content: 'Write.' }])).firstDelta -
        FIRST_TOKEN_DELAY_MS,
    );
  }
  const overhead = median(plugin);
  console.log(
    `first streamed character through the plugin, minus the fake's ${FIRST_TOKEN_DELAY_MS} ms: median ${fmt(overhead)}, p95 ${fmt(percentile(plugin, 95))} (of which before the model call: median ${fmt(median(beforeCall))}; direct SDK: median ${fmt(median(direct))}) over ${TTFC_RUNS} runs (budget <= 15 ms) ${overhead <= 15 ? 'OK' : 'OVER BUDGET'}`,
  );
  return overhead <= 15;
}

async function throughput({ port, token, fake, openai }) {
  const long = Array.from({ length: STREAM_WORDS }, (_, i) => `word${i % 10}`).join(' ');
  fake.setDefault({ text: long, chunkDelayMs: 1 });
  const rate = ({ text, firstAt, last }) => text.length / ((last - firstAt) / 1000);
  const plugin = [];
  const direct = [];
  for (let i = 0; i < STREAM_RUNS; i += 1) {
    const through = await streamTimes(port, token, '/alwrity/rewrite', {
      text: 'Some text.',
      operation: 'rephrase',
    });
    if (through.text.trim() !== long) throw new Error('the plugin lost part of the stream');
    plugin.push(rate(through));
    direct.push(rate(await directStream(openai, [{ role: 'user', content: 'Write.' }])));
  }
  const ratio = median(plugin) / median(direct);
  console.log(
    `stream throughput (${STREAM_WORDS} chunks): plugin ${Math.round(median(plugin))} chars/s, direct SDK ${Math.round(median(direct))} chars/s, ratio ${ratio.toFixed(3)} (budget >= 0.95) ${ratio >= 0.95 ? 'OK' : 'OVER BUDGET'}`,
  );
  return ratio >= 0.95;
}

/** The most calls the fake server had open at once. */
const peakConcurrency = (requests) => {
  const edges = requests.flatMap((r) => [
    [r.receivedAt, 1],
    [r.closedAt ?? Infinity, -1],
  ]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, change] of edges) {
    open += change;
    peak = Math.max(peak, open);
  }
  return peak;
};

async function concurrentBlogs({ app, strapi, fake }) {
  fake.reset();
  fake.setDefault(blogReplies(3, { firstTokenDelayMs: CALL_MS }));
  const started = performance.now();
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
  const elapsed = performance.now() - started;
  const finished = await rows();
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
  const peak = peakConcurrency(chats);
  const ok =
    succeeded.length === BLOG_JOBS &&
    inOrder.length === BLOG_JOBS &&
    duplicatedOrLost === 0 &&
    peak <= CONCURRENCY;
  console.log(
    `${BLOG_JOBS} concurrent blog jobs at ${CALL_MS} ms per call: ${succeeded.length}/${BLOG_JOBS} succeeded, ${inOrder.length} with sections in order, ${chats.length} model calls (${duplicatedOrLost} jobs with a lost or repeated step), peak ${peak} calls at once (concurrency ${CONCURRENCY}), ${(elapsed / 1000).toFixed(1)} s in all (ideal ${((BLOG_JOBS * 8 * CALL_MS) / CONCURRENCY / 1000).toFixed(1)} s) ${ok ? 'OK' : 'FAILED'}`,
  );
  return ok;
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
    const OpenAI = require(require.resolve('openai', { paths: [__dirname] })).default;
    const openai = new OpenAI({ apiKey: 'sk-bench', baseURL: fake.openaiBaseURL });
    const context = { port, token: app.tokens.superAdmin, fake, openai, app, strapi };
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
