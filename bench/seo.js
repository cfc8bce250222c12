/**
 * Budgets of the SEO engine:
 * - a 2,000-word article analysed in at most 15 ms median in Node, for each body format
 *   (markdown, HTML, Strapi blocks), with a keyphrase, synonyms and the keyphrases of 1,000
 *   other entries to check cannibalisation against;
 * - the edit view panel's re-score after a typing pause under 16 ms of main thread in Chromium:
 *   the engine bundled for the browser as the admin bundles it, run on the form values of a
 *   2,000-word Article (reading them through the field mapping, then analysing);
 * - "Re-analyse all" over 1,000 entries in a booted Strapi (SQLite, in-process jobs): at least
 *   200 entries per second, reading each draft, analysing it and writing its report.
 */
const path = require('node:path');
const { register } = require('esbuild-register/dist/node');
const { median, percentile, fmt } = require('./stats');

const { unregister } = register({ extensions: ['.ts'] });
const { analyze } = require('../analysis/seo/index.ts');
const articles = require('../tests/fixtures/seo/articles.ts');
const { bootStrapi, createTestDatabase, testApp } = require('../tests/helpers/strapi.ts');
const { testConfig } = require('../tests/helpers/suite.ts');
const { startFakeModelServer } = require('../tests/helpers/fake-model-server.ts');
const { launchBrowser } = require('../tests/helpers/browser.ts');
unregister();

const ENTRIES = Number(process.env.BENCH_SEO_ENTRIES ?? 1000);
const ARTICLE = 'api::article.article';

/** Seeds English drafts straight through the query engine (a bench of the run, not of saving). */
async function seed(strapi, content) {
  const rows = Array.from({ length: ENTRIES }, (_, i) => ({
    documentId: `bench${String(i).padStart(19, '0')}`,
    title: `Bench entry ${i}`,
    content,
    locale: 'en',
    publishedAt: null,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await strapi.db.query(ARTICLE).createMany({ data: rows.slice(i, i + 200) });
  }
}

async function reanalysis() {
  const fake = await startFakeModelServer();
  const db = await createTestDatabase();
  const strapi = await bootStrapi({
    ...db.env,
    ALWRITY_CONFIG: JSON.stringify(testConfig(fake, undefined)),
  });
  try {
    await seed(strapi, articles.toMarkdown(articles.contentCalendar));
    const seo = strapi.plugin('alwrity').service('seo');
    const app = await testApp(strapi);
    const { documentId } = await seo.startRun(ARTICLE, 'en', app.users.editor.id);
    const started = performance.now();
    let run;
    for (;;) {
      run = await strapi.db.query('plugin::alwrity.seo-run').findOne({ where: { documentId } });
      if (['succeeded', 'failed', 'canceled'].includes(run.status)) break;
      if (performance.now() - started > 120_000) throw new Error('the run did not finish in 2 min');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = run.durationMs / 1000;
    const rate = run.output.analysed / seconds;
    const ok = run.status === 'succeeded' && run.output.analysed === ENTRIES && rate >= 200;
    console.log(
      `re-analyse all: ${run.output.analysed}/${ENTRIES} entries in ${seconds.toFixed(2)} s, ${Math.round(rate)} entries/s (budget >= 200) ${ok ? 'OK' : 'OVER BUDGET'}`,
    );
    return ok;
  } finally {
    await strapi.destroy();
    await fake.close();
    await db.drop();
  }
}

const RUNS = Number(process.env.BENCH_SEO_RUNS ?? 200);
const WORDS = 2000;

/** The fixture article's sections, repeated under new subheadings until it has 2,000 words. */
const longArticle = () => {
  const parts = [];
  let round = 0;
  while (analyze({ content: articles.toMarkdown(parts) }).wordCount < WORDS) {
    round += 1;
    for (const part of articles.contentCalendar) {
      parts.push('h' in part ? { h: 2, text: `${part.text} (part ${round})` } : part);
    }
  }
  return parts;
};

const PANEL_RUNS = 100;

/** The panel's re-score in headless Chromium, as-is and on a CPU four times slower. */
async function panelInChromium(formValues) {
  const { buildSync } = require('esbuild');
  const bundle = buildSync({
    stdin: {
      contents: "export { analyze, paperOfEntry, detectSeoMapping } from './analysis/seo';",
      resolveDir: path.join(__dirname, '..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'AlwritySeo',
    platform: 'browser',
    minify: true,
    write: false,
  }).outputFiles[0].text;
  const schema = require('../playground/src/api/article/content-types/article/schema.json');
  const seoComponent = require('../playground/src/components/shared/seo.json');
  const { browser, page } = await launchBrowser();
  try {
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: bundle });
    const cdp = await page.context().newCDPSession(page);
    let ok = true;
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const times = await page.evaluate(
        ({ values, attributes, component, runs }) => {
          const { analyze, paperOfEntry, detectSeoMapping } = globalThis.AlwritySeo;
          const lookup = (uid) => (uid === 'shared.seo' ? component : undefined);
          const mapping = detectSeoMapping(attributes, lookup);
          const out = [];
          for (let i = 0; i < runs + 10; i += 1) {
            const started = performance.now();
            const paper = paperOfEntry(values, mapping, attributes, lookup, {
              keyphrase: 'content calendar',
              synonyms: ['editorial calendar'],
              locale: 'en',
            });
            analyze(paper);
            if (i >= 10) out.push(performance.now() - started);
          }
          return out;
        },
        {
          values: formValues,
          attributes: schema.attributes,
          component: seoComponent.attributes,
          runs: PANEL_RUNS,
        },
      );
      const at = median(times);
      if (rate === 1) ok = at < 16;
      console.log(
        `panel re-score in Chromium${rate > 1 ? ` (CPU ${rate}x slower)` : ''}: median ${fmt(at)}, p95 ${fmt(percentile(times, 95))} over ${PANEL_RUNS} runs${rate === 1 ? ` (budget < 16 ms) ${at < 16 ? 'OK' : 'OVER BUDGET'}` : ''}`,
      );
    }
    return ok;
  } finally {
    await browser.close();
  }
}

module.exports = async function seoBench() {
  const parts = longArticle();
  const paper = {
    title: 'Content calendar: how to plan posts your team can keep up with',
    metaDescription:
      'A content calendar keeps your team publishing steadily. Learn how to choose a cadence, plan for several teams and measure what the plan delivers.',
    slug: 'content-calendar-guide',
    keyphrase: 'content calendar',
    synonyms: ['editorial calendar', 'publishing plan'],
    locale: 'en',
    baseUrl: 'https://example.com',
    otherKeyphrases: Array.from({ length: 1000 }, (_, i) => ({
      keyphrase: `topic number ${i} planning`,
      title: `Entry ${i}`,
    })),
  };
  const formats = {
    markdown: articles.toMarkdown(parts),
    html: articles.toHtml(parts),
    blocks: articles.toBlocks(parts),
  };
  let ok = true;
  for (const [format, content] of Object.entries(formats)) {
    const times = [];
    let words = 0;
    // The first analysis of a format: nothing stemmed or counted yet, and code not yet optimised.
    let cold = 0;
    for (let i = 0; i < RUNS + 20; i += 1) {
      const started = performance.now();
      words = analyze({ ...paper, content }).wordCount;
      if (i === 0) cold = performance.now() - started;
      if (i >= 20) times.push(performance.now() - started);
    }
    const at = median(times);
    ok = ok && at <= 15;
    console.log(
      `analyse a ${words}-word article (${format}): median ${fmt(at)}, p95 ${fmt(percentile(times, 95))} over ${RUNS} runs (budget <= 15 ms) ${at <= 15 ? 'OK' : 'OVER BUDGET'}; first run ${fmt(cold)}`,
    );
  }
  ok =
    (await panelInChromium({
      title: paper.title,
      slug: paper.slug,
      content: formats.markdown,
      seo: { metaTitle: paper.title, metaDescription: paper.metaDescription },
    })) && ok;
  ok = (await reanalysis()) && ok;
  return { name: 'seo', ok };
};
