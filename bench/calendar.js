/**
 * Budgets: a scheduled publish fires within 1 s of its time (p99 over 200, and the worst case),
 * timed from outside the plugin by a Document Service middleware that notes each publish; and the
 * calendar's range query over 2,000 items answers in at most 50 ms median, through its route.
 * A booted playground on SQLite with BullMQ on real Redis.
 */
const { randomBytes } = require('node:crypto');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { flushPrefix, REDIS_URL } = require('./load-sources');
const { median, percentile, fmt } = require('./stats');

const ENTRIES = Number(process.env.BENCH_CALENDAR_ENTRIES ?? 200);
const SPREAD_MS = Number(process.env.BENCH_CALENDAR_SPREAD_MS ?? 40_000);
const RANGE_ITEMS = Number(process.env.BENCH_CALENDAR_ITEMS ?? 2000);
const RANGE_QUERIES = 60;
const FIRE_BUDGET_MS = 1000;
const RANGE_BUDGET_MS = 50;
const PASSWORD = 'Bench-password-1';
const playground = path.resolve(__dirname, '..', 'playground');
const ARTICLE = 'api::article.article';
const DAY = 86_400_000;

const wallUtc = (date) => date.toISOString().slice(0, 19);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const boot = async (dir, prefix) => {
  Object.assign(process.env, {
    PLAYGROUND_SEED: 'false',
    NODE_ENV: 'test',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'calendar.db'),
    PLAYGROUND_PUBLISH_LOG: path.join(dir, 'publishes.jsonl'),
    ALWRITY_CONFIG: JSON.stringify({ redis: { url: REDIS_URL, prefix } }),
  });
  process.chdir(playground);
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [playground] }));
  const strapi = createStrapi({ appDir: playground, distDir: playground });
  strapi.log.level = 'error';
  await strapi.load();
  await strapi.server.mount();
  return strapi;
};

/** A super admin with a session, as the admin panel would be. */
const signIn = async (strapi) => {
  const request = require(require.resolve('supertest', { paths: [__dirname] }));
  await strapi.service('admin::role').createRolesIfNoneExist();
  const role = await strapi.service('admin::role').getSuperAdmin();
  const email = 'bench@example.com';
  const user = await strapi.service('admin::user').create({
    email,
    firstname: 'Bench',
    lastname: 'Admin',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const { body } = await request(strapi.server.httpServer)
    .post('/admin/login')
    .send({ email, password: PASSWORD })
    .expect(200);
  const token = body.data.token;
  const ability = await strapi
    .service('admin::permission')
    .engine.generateUserAbility(
      await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: ['roles'] }),
    );
  return {
    actor: { id: user.id, ability },
    get: (url) =>
      request(strapi.server.httpServer).get(url).set('Authorization', `Bearer ${token}`),
  };
};

async function fireLatency(strapi, session, dir) {
  const calendar = strapi.plugin('alwrity').service('calendar');
  const documents = strapi.documents(ARTICLE);
  const articles = [];
  for (let i = 0; i < ENTRIES; i += 1) {
    articles.push(
      (await documents.create({ data: { title: `Bench ${i}` }, locale: 'en' })).documentId,
    );
  }
  const start = Math.ceil((Date.now() + 20_000) / 1000) * 1000;
  const due = new Map();
  for (const [i, documentId] of articles.entries()) {
    const at = new Date(start + Math.round((i * SPREAD_MS) / ENTRIES));
    const item = await calendar.create(
      {
        title: `Bench ${i}`,
        timezone: 'UTC',
        status: 'scheduled',
        channel: 'blog',
        tags: [],
        target: { uid: ARTICLE, documentId, locale: 'en' },
        publishAt: wallUtc(at),
      },
      session.actor,
    );
    // Wall times are to the second: the instant due is the one the item holds.
    due.set(documentId, Date.parse(item.publishAt));
  }
  if (Date.now() >= start) throw new Error('Scheduling took longer than the lead time.');
  const log = path.join(dir, 'publishes.jsonl');
  const lines = () => {
    try {
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .filter((line) => line.action === 'publish');
    } catch {
      return [];
    }
  };
  const deadline = start + SPREAD_MS + 30_000;
  while (lines().length < ENTRIES && Date.now() < deadline) await sleep(250);
  const published = lines();
  const late = published.map((line) => line.at - due.get(line.documentId));
  const once = new Set(published.map((line) => line.documentId)).size === published.length;
  const p99 = percentile(late, 99);
  const worst = Math.max(...late);
  const ok =
    published.length === ENTRIES && once && p99 <= FIRE_BUDGET_MS && worst <= FIRE_BUDGET_MS;
  console.log(
    `scheduled publish lateness over ${published.length}/${ENTRIES} (each once: ${once}): median ${fmt(median(late))}, p99 ${fmt(p99)}, worst ${fmt(worst)} (budget <= ${FIRE_BUDGET_MS} ms p99 and worst) ${ok ? 'OK' : 'OVER BUDGET'}`,
  );
  return ok;
}

async function rangeQuery(strapi, session) {
  const documents = strapi.documents('plugin::alwrity.calendar-item');
  const yearStart = Date.UTC(2031, 0, 1);
  const existing = await strapi.db.query('plugin::alwrity.calendar-item').count();
  for (let i = 0; i < RANGE_ITEMS; i += 1) {
    await documents.create({
      data: {
        title: `Planned ${i}`,
        status: i % 3 ? 'planned' : 'idea',
        channel: ['blog', 'social', 'newsletter'][i % 3],
        timezone: 'Europe/Berlin',
        publishAt: new Date(
          yearStart + Math.floor((i * 365 * DAY) / RANGE_ITEMS) + (i % 9) * 3_600_000,
        ),
        tags: [],
      },
    });
  }
  const samples = [];
  let answered = 0;
  for (let i = 0; i < RANGE_QUERIES + 5; i += 1) {
    const month = i % 12;
    const from = new Date(Date.UTC(2031, month, 1)).toISOString();
    const to = new Date(Date.UTC(2031, month + 1, 1)).toISOString();
    const started = performance.now();
    const { body } = await session
      .get(`/alwrity/calendar/items?from=${from}&to=${to}&pageSize=100`)
      .expect(200);
    const ms = performance.now() - started;
    answered = body.meta.pagination.total;
    if (i >= 5) samples.push(ms);
  }
  const m = median(samples);
  const ok = m <= RANGE_BUDGET_MS;
  console.log(
    `calendar range query (a month of ${existing + RANGE_ITEMS} items, ${answered} in the last month, through the route): median ${fmt(m)}, p95 ${fmt(percentile(samples, 95))} over ${samples.length} (budget <= ${RANGE_BUDGET_MS} ms median) ${ok ? 'OK' : 'OVER BUDGET'}`,
  );
  return ok;
}

module.exports = async function calendarBench() {
  const prefix = `alwrity-bench-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'alwrity-bench-calendar-'));
  const strapi = await boot(dir, prefix);
  try {
    const session = await signIn(strapi);
    const fired = await fireLatency(strapi, session, dir);
    const ranged = await rangeQuery(strapi, session);
    return { name: 'calendar', ok: fired && ranged };
  } finally {
    await strapi.destroy();
    await flushPrefix(prefix);
    rmSync(dir, { recursive: true, force: true });
  }
};
