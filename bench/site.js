/**
 * Budgets of the site analyzer, in a booted Strapi (SQLite, in-process jobs) crawling the
 * fixture site on 127.0.0.1:
 * - at least 100 pages per second fetched, audited and stored (concurrency 8, no delay);
 * - a 5,000-page crawl grows the process's peak memory by at most 200 MB;
 * - a single page audit of a 200 KB page answers in at most 300 ms (POST /alwrity/site-audits).
 */
const { register } = require('esbuild-register/dist/node');
const { median, percentile, fmt } = require('./stats');

const { unregister } = register({ extensions: ['.ts'] });
const { bootStrapi, createTestDatabase, testApp } = require('../tests/helpers/strapi.ts');
const { testConfig } = require('../tests/helpers/suite.ts');
const { startFakeModelServer } = require('../tests/helpers/fake-model-server.ts');
const { startFixtureSite } = require('../tests/helpers/fixture-site.ts');
unregister();

const BIG_SECTION = Number(process.env.BENCH_SITE_PAGES ?? 5000);
const AUDIT_RUNS = 20;
const MB = 1024 * 1024;

const waitForCrawl = async (strapi, documentId) => {
  for (;;) {
    const audit = await strapi.db
      .query('plugin::alwrity.site-audit')
      .findOne({ where: { documentId } });
    if (['succeeded', 'failed', 'canceled'].includes(audit.status)) return audit;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** The most memory the process held while `work` ran, sampled every 20 ms. */
const peakDuring = async (work) => {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
};

const crawl = async (strapi, app, site, maxPages) => {
  const { body } = await app
    .as('editor')
    .post('/alwrity/site-audits', {
      url: `${site.origin}/`,
      scope: 'site',
      maxPages,
      concurrency: 8,
      delayMs: 0,
    })
    .expect(202);
  return waitForCrawl(strapi, body.data.documentId);
};

module.exports = async function siteBench() {
  const fake = await startFakeModelServer();
  const db = await createTestDatabase();
  const strapi = await bootStrapi({
    ...db.env,
    ALWRITY_CONFIG: JSON.stringify(testConfig(fake, undefined)),
  });
  const small = await startFixtureSite({ sectionPages: 500 });
  const big = await startFixtureSite({ sectionPages: BIG_SECTION });
  let ok = true;
  try {
    const app = await testApp(strapi);

    // A warm-up crawl, then the measured one: pages per second over the job's own duration.
    await crawl(strapi, app, small, 100);
    const run = await crawl(strapi, app, small, 600);
    const rate = run.pagesDone / (run.durationMs / 1000);
    const fast = run.status === 'succeeded' && rate >= 100;
    ok = ok && fast;
    console.log(
      `crawl of the fixture site: ${run.pagesDone} pages in ${(run.durationMs / 1000).toFixed(2)} s, ${Math.round(rate)} pages/s, concurrency 8 (budget >= 100) ${fast ? 'OK' : 'OVER BUDGET'}`,
    );

    global.gc?.();
    const before = process.memoryUsage().rss;
    const { result: large, peak } = await peakDuring(() =>
      crawl(strapi, app, big, BIG_SECTION + 100),
    );
    const grown = (peak - before) / MB;
    const flat = large.status === 'succeeded' && grown <= 200;
    ok = ok && flat;
    console.log(
      `crawl of ${large.pagesDone.toLocaleString('en')} pages: peak RSS ${Math.round(peak / MB)} MB, ${Math.round(grown)} MB above the ${Math.round(before / MB)} MB before it (budget <= 200 MB), ${Math.round(large.pagesDone / (large.durationMs / 1000))} pages/s ${flat ? 'OK' : 'OVER BUDGET'}`,
    );

    const times = [];
    for (let i = 0; i < AUDIT_RUNS + 3; i += 1) {
      const started = performance.now();
      const { body } = await app
        .as('editor')
        .post('/alwrity/site-audits', { url: `${small.origin}/long-read` })
        .expect(200);
      if (body.data.status !== 'succeeded') throw new Error('the page audit did not succeed');
      if (i >= 3) times.push(performance.now() - started);
    }
    const page = await fetch(`${small.origin}/long-read`).then((response) => response.text());
    const bytes = Buffer.byteLength(page);
    const at = median(times);
    const quick = at <= 300;
    ok = ok && quick;
    console.log(
      `page audit of a ${Math.round(bytes / 1024)} KB page: median ${fmt(at)}, p95 ${fmt(percentile(times, 95))} over ${AUDIT_RUNS} runs (budget <= 300 ms) ${quick ? 'OK' : 'OVER BUDGET'}`,
    );
    return { name: 'site', ok };
  } finally {
    await strapi.destroy();
    await Promise.all([small.close(), big.close(), fake.close()]);
    await db.drop();
  }
};
