/**
 * Budget of the SEO engine: a 2,000-word article analysed in at most 15 ms median in Node, for
 * each body format (markdown, HTML, Strapi blocks), with a keyphrase, synonyms and the
 * keyphrases of 1,000 other entries to check cannibalisation against.
 */
const { register } = require('esbuild-register/dist/node');
const { median, percentile, fmt } = require('./stats');

const { unregister } = register({ extensions: ['.ts'] });
const { analyze } = require('../analysis/seo/index.ts');
const articles = require('../tests/fixtures/seo/articles.ts');
unregister();

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
    for (let i = 0; i < RUNS + 20; i += 1) {
      const started = performance.now();
      words = analyze({ ...paper, content }).wordCount;
      if (i >= 20) times.push(performance.now() - started);
    }
    const at = median(times);
    ok = ok && at <= 15;
    console.log(
      `analyse a ${words}-word article (${format}): median ${fmt(at)}, p95 ${fmt(percentile(times, 95))} over ${RUNS} runs (budget <= 15 ms) ${at <= 15 ? 'OK' : 'OVER BUDGET'}`,
    );
  }
  return { name: 'seo', ok };
};
