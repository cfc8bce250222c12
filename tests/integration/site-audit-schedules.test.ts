import type { ScheduleView } from '../../contracts/site-audit-schedules';
import { nextRuns } from '../../server/queue/repeat';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';
import { createUser } from '../helpers/strapi';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

/**
 * Recurring audits: BullMQ job schedulers over real Redis, one audit per time a schedule fires,
 * however many Strapi processes run workers. Patterns with seconds fire fast enough to watch;
 * the least interval is lowered to two seconds for that.
 */

const suite = useSuite({
  config: { siteAnalyzer: { allowPrivateAddresses: ['127.0.0.1'], minRepeatSeconds: 2 } },
});
const AUDIT = 'plugin::alwrity.site-audit';
const SCHEDULE = 'plugin::alwrity.site-audit-schedule';
const BASE = '/alwrity/site-audit-schedules';

let site: FixtureSite;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  site = await startFixtureSite({ sectionPages: 3 });
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
  await site.close();
});

const create = (body: object, role: 'superAdmin' | 'editor' = 'editor') =>
  suite.app.as(role).post(BASE, {
    url: `${site.origin}/about`,
    timezone: 'Europe/Berlin',
    ...body,
  });

const auditsOf = async (schedule: string) =>
  (await suite.strapi.db.query(AUDIT).findMany({
    where: { schedule },
    select: ['documentId', 'scheduledFor', 'status', 'scope', 'options'],
    orderBy: { scheduledFor: 'asc' },
  })) as { documentId: string; scheduledFor: string; status: string; scope: string }[];

const queued = () =>
  suite.strapi.plugin('alwrity').service('jobs').schedules('site-audit-schedule');

const counts = async () =>
  JSON.stringify(
    await Promise.all([
      suite.strapi.db.query(AUDIT).count(),
      suite.strapi.db.query(SCHEDULE).count(),
      queued(),
    ]),
  );

describe('creating a recurring audit', () => {
  it('stores it, hands its timing to the queue and answers the next run in its time zone', async () => {
    const { body } = await create({ cron: '0 6 * * 1' }).expect(201);
    const schedule = body.data as ScheduleView;
    const expected = nextRuns({ cron: '0 6 * * 1', timezone: 'Europe/Berlin' }, new Date(), 1)[0]!;
    expect(schedule).toMatchObject({
      url: `${site.origin}/about`,
      scope: 'page',
      cron: '0 6 * * 1',
      timezone: 'Europe/Berlin',
      enabled: true,
      runs: 0,
      nextRunAt: expected.toISOString(),
      lastRunAt: null,
    });
    // 06:00 in Berlin is 05:00 or 04:00 UTC, winter or summer.
    expect([4, 5]).toContain(new Date(schedule.nextRunAt!).getUTCHours());
    expect(await queued()).toContain(schedule.documentId);

    const list = await suite.app.as('editor').get(BASE).expect(200);
    expect(list.body.data.map((row: ScheduleView) => row.documentId)).toContain(
      schedule.documentId,
    );
  });

  it.each([
    ['an unknown time zone', { cron: '0 6 * * 1', timezone: 'Mars/Olympus' }, 'timezone'],
    ['words for a pattern', { cron: 'every monday at six' }, 'cron'],
    ['a pattern that never fires', { cron: '0 0 30 2 *' }, 'cron'],
    ['a day of the week out of range', { cron: '0 6 * * 9' }, 'cron'],
    ['a hashed (random) time', { cron: 'H 6 * * *' }, 'cron'],
    ['an address the fetcher refuses', { cron: '0 6 * * 1', url: 'http://127.0.0.2/' }, 'url'],
  ])('refuses %s with a 400 naming the field; nothing is kept', async (_case, body, field) => {
    const before = await counts();
    const response = await create(body).expect(400);
    expect(response.body.error.message).toContain(field);
    expect(await counts()).toBe(before);
  });

  it('refuses a pattern firing more often than the least interval allowed', async () => {
    const before = await counts();
    const response = await create({ cron: '* * * * * *' }).expect(400);
    expect(response.body.error.message).toBe(
      'Invalid body: cron: fires every 1 second; the least interval allowed is 2 seconds',
    );
    // Twice a minute, a second apart: the closest pair decides.
    await create({ cron: '0,1 * * * * *' }).expect(400);
    expect(await counts()).toBe(before);
  });
});

describe('a recurring page audit firing', () => {
  it('runs one audit per time it fires, as its author, and records the last run', async () => {
    const { body } = await create({ cron: '*/2 * * * * *', keyphrase: 'about us' }).expect(201);
    const id = (body.data as ScheduleView).documentId;
    const audits = await waitUntil(
      'two runs of the schedule',
      async () => {
        const found = await auditsOf(id);
        return found.length >= 2 && found;
      },
      20_000,
    );
    await suite.app.as('editor').put(`${BASE}/${id}`, { enabled: false }).expect(200);

    const times = audits.map((audit) => new Date(audit.scheduledFor).getTime());
    expect(new Set(times).size).toBe(times.length);
    for (const time of times) expect(time % 2000).toBe(0);
    expect(audits.every((audit) => audit.status === 'succeeded' && audit.scope === 'page')).toBe(
      true,
    );
    const row = await suite.strapi.db
      .query(AUDIT)
      .findOne({ where: { documentId: audits[0]!.documentId }, populate: ['createdBy'] });
    expect(row.createdBy.id).toBe(suite.app.users.editor.id);

    const history = await suite.app.as('editor').get('/alwrity/site-audits?scope=page').expect(200);
    expect(
      history.body.data.filter((audit: { schedule: string | null }) => audit.schedule === id)
        .length,
    ).toBeGreaterThanOrEqual(2);

    const [view] = (await suite.app.as('editor').get(BASE).expect(200)).body.data.filter(
      (schedule: ScheduleView) => schedule.documentId === id,
    );
    expect(view).toMatchObject({ enabled: false, nextRunAt: null, lastError: null });
    expect(view.runs).toBeGreaterThanOrEqual(2);
    expect((await auditsOf(id)).map((audit) => audit.documentId)).toContain(
      view.lastAuditDocumentId,
    );
  });

  it('stops firing while paused and starts again when resumed', async () => {
    const { body } = await create({ cron: '*/2 * * * * *' }).expect(201);
    const id = (body.data as ScheduleView).documentId;
    await waitUntil('a first run', async () => (await auditsOf(id)).length >= 1, 15_000);
    await suite.app.as('editor').put(`${BASE}/${id}`, { enabled: false }).expect(200);
    expect(await queued()).not.toContain(id);
    // A run already under way when it paused may still land.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const paused = (await auditsOf(id)).length;
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect((await auditsOf(id)).length).toBe(paused);

    await suite.app.as('editor').put(`${BASE}/${id}`, { enabled: true }).expect(200);
    await waitUntil('a run after resuming', async () => (await auditsOf(id)).length > paused);
    await suite.app.as('editor').delete(`${BASE}/${id}`).expect(204);
    expect(await queued()).not.toContain(id);
    // The audits it ran stay.
    expect((await auditsOf(id)).length).toBeGreaterThan(paused);
    await suite.app.as('editor').put(`${BASE}/${id}`, { enabled: true }).expect(404);
  });

  it('runs nothing once its author may no longer run site audits, and says why', async () => {
    const author = await createUser(suite.strapi, 'Scheduling Author', {
      permissions: [
        { action: 'plugin::alwrity.site-audit.run' },
        { action: 'plugin::alwrity.site-audit.read' },
      ],
    });
    const response = await suite.app
      .http()
      .post(BASE)
      .set('Authorization', `Bearer ${author.token}`)
      .send({ url: `${site.origin}/about`, cron: '*/2 * * * * *', timezone: 'UTC' })
      .expect(201);
    const id = response.body.data.documentId as string;
    const user = await suite.strapi.db
      .query('admin::user')
      .findOne({ where: { id: author.id }, populate: ['roles'] });
    await suite.strapi.service('admin::role').assignPermissions(user.roles[0].id, []);

    const row = await waitUntil(
      'the schedule to record why it did not run',
      async () => {
        const found = await suite.strapi.db.query(SCHEDULE).findOne({ where: { documentId: id } });
        return found?.lastError ? found : undefined;
      },
      15_000,
    );
    expect(row.lastError).toMatch(/may no longer run site audits/);
    await suite.app.as('superAdmin').delete(`${BASE}/${id}`).expect(204);
    expect(await auditsOf(id)).toHaveLength(0);
  });
});

describe('a recurring crawl', () => {
  it('starts a crawl with its settings, and skips a time while the last crawl still runs', async () => {
    site.latencyMs = 1500;
    const { body } = await create({
      url: `${site.origin}/`,
      scope: 'site',
      maxPages: 3,
      concurrency: 1,
      delayMs: 0,
      cron: '*/2 * * * * *',
    }).expect(201);
    const id = (body.data as ScheduleView).documentId;
    expect(body.data.options).toEqual({ maxPages: 3, concurrency: 1, delayMs: 0 });
    const skipped = await waitUntil(
      'a time skipped for the running crawl',
      async () => {
        const found = await suite.strapi.db.query(SCHEDULE).findOne({ where: { documentId: id } });
        return found?.lastError?.includes('still running') ? found : undefined;
      },
      15_000,
    );
    await suite.app.as('editor').delete(`${BASE}/${id}`).expect(204);
    site.latencyMs = 0;
    const audits = await auditsOf(id);
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(audits[0]).toMatchObject({
      scope: 'site',
      options: expect.objectContaining({ maxPages: 3 }),
    });
    expect(skipped.lastAuditDocumentId).toBe(audits[0]!.documentId);
  }, 60_000);
});

describe('across restarts and processes', () => {
  it('at boot, gives every schedule its timing once and forgets deleted ones', async () => {
    const kept = (await create({ cron: '0 6 * * 1' }).expect(201)).body.data.documentId as string;
    const gone = (await create({ cron: '0 7 * * 1' }).expect(201)).body.data.documentId as string;
    await suite.strapi.db.query(SCHEDULE).delete({ where: { documentId: gone } });
    await suite.restart();
    const ids = await queued();
    expect(ids.filter((queuedId: string) => queuedId === kept)).toHaveLength(1);
    expect(ids).not.toContain(gone);
  }, 120_000);

  it('fires once per time with two Strapi processes running workers on one Redis', async () => {
    workers.push(await startWorkerProcess(suite.env()));
    const { body } = await create({ cron: '*/2 * * * * *' }).expect(201);
    const id = (body.data as ScheduleView).documentId;
    const started = Date.now();
    // A third process boots meanwhile and reconciles the schedule while it fires.
    workers.push(await startWorkerProcess(suite.env()));
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, 14_000 - (Date.now() - started))),
    );
    await suite.app.as('editor').delete(`${BASE}/${id}`).expect(204);
    const elapsed = Date.now() - started;
    // A run under way when it was deleted may still land.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const audits = await auditsOf(id);
    const times = audits.map((audit) => new Date(audit.scheduledFor).getTime());
    expect(new Set(times).size).toBe(times.length);
    const slots = Math.floor(elapsed / 2000);
    expect(audits.length).toBeGreaterThanOrEqual(slots - 1);
    expect(audits.length).toBeLessThanOrEqual(slots + 1);
    expect(audits.every((audit) => audit.status === 'succeeded')).toBe(true);
  }, 120_000);
});
