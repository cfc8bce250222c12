import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CalendarItemView } from '../../contracts/calendar';
import { CALENDAR_QUEUE, publishJobId } from '../../server/calendar/publish-jobs';
import { toWallTime } from '../../contracts/zoned-time';
import { getService } from '../../server/utils/services';
import { createUser } from '../helpers/strapi';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

/** Scheduled publishing on BullMQ's delayed jobs, with the calendar item as the truth. */

const logDir = mkdtempSync(path.join(tmpdir(), 'alwrity-publish-log-'));
const LOG = path.join(logDir, 'publishes.jsonl');
const suite = useSuite({ env: { PLAYGROUND_PUBLISH_LOG: LOG } });
const BASE = '/alwrity/calendar/items';
const ARTICLE = 'api::article.article';
const PUBLISH = 'plugin::content-manager.explorer.publish';
const READ = 'plugin::content-manager.explorer.read';

interface PublishLine {
  action: string;
  documentId: string;
  locale: string | null;
  at: number;
}
const publishes = (documentId: string, action = 'publish'): PublishLine[] => {
  let text = '';
  try {
    text = readFileSync(LOG, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PublishLine)
    .filter((line) => line.documentId === documentId && line.action === action);
};

/** A wall time `seconds` from now (on a whole second) in `timezone`. */
const wallIn = (seconds: number, timezone = 'UTC') =>
  toWallTime(new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000), timezone);

let publisher: { id: number; token: string };
let noPublish: { id: number; token: string };
let publisherRole: number;

const as = (user: { token: string }) => ({
  post: (url: string, body: object) =>
    suite.app.http().post(url).set('Authorization', `Bearer ${user.token}`).send(body),
  put: (url: string, body: object) =>
    suite.app.http().put(url).set('Authorization', `Bearer ${user.token}`).send(body),
});

/** An Article with an English and a German draft, neither published. */
const createArticle = async (title: string) => {
  const documents = suite.strapi.documents(ARTICLE as never);
  const { documentId } = await documents.create({ data: { title } as never, locale: 'en' });
  await documents.update({ documentId, locale: 'de', data: { title: `${title} (de)` } as never });
  return documentId;
};

const publishedLocales = async (documentId: string) =>
  (
    (await suite.strapi.documents(ARTICLE as never).findMany({
      filters: { documentId },
      status: 'published',
      locale: '*',
      fields: ['locale'],
    } as never)) as unknown as { locale: string }[]
  )
    .map((entry) => entry.locale)
    .sort();

const itemOf = async (documentId: string) =>
  (
    await suite.app.as('editor').get(`${BASE}?from=2000-01-01&to=2100-01-01`).expect(200)
  ).body.data.find((item: CalendarItemView) => item.documentId === documentId) as
    CalendarItemView | undefined;

const schedule = (
  user: { token: string },
  documentId: string,
  publishAt: string,
  extra: object = {},
) =>
  as(user).post(BASE, {
    title: 'Scheduled',
    timezone: 'UTC',
    status: 'scheduled',
    target: { uid: ARTICLE, documentId, locale: 'de' },
    publishAt,
    ...extra,
  });

const jobState = (id: string) => getService(suite.strapi, 'jobs').stateOf(CALENDAR_QUEUE, id);

beforeAll(async () => {
  await suite.strapi.plugin('i18n').service('locales').create({ code: 'de', name: 'German (de)' });
  const calendar = [
    { action: 'plugin::alwrity.calendar.read' },
    { action: 'plugin::alwrity.calendar.manage' },
  ];
  publisher = await createUser(suite.strapi, 'Publisher', {
    permissions: [
      ...calendar,
      { action: PUBLISH, subject: ARTICLE, properties: { locales: ['en', 'de'] } },
      { action: READ, subject: ARTICLE, properties: { locales: ['en', 'de'] } },
    ],
  });
  noPublish = await createUser(suite.strapi, 'Planner', {
    permissions: [
      ...calendar,
      {
        action: 'plugin::content-manager.explorer.update',
        subject: ARTICLE,
        properties: { locales: ['en', 'de'] },
      },
      { action: READ, subject: ARTICLE, properties: { locales: ['en', 'de'] } },
    ],
  });
  const user = await suite.strapi.db
    .query('admin::user')
    .findOne({ where: { id: publisher.id }, populate: ['roles'] });
  publisherRole = user.roles[0].id;
});

afterAll(() => rmSync(logDir, { recursive: true, force: true }));

describe('scheduled publishing', () => {
  it('publishes the entry at its time, in its locale only, once', async () => {
    const article = await createArticle('Goes live');
    const publishAt = wallIn(2);
    const { body } = await schedule(publisher, article, publishAt).expect(201);
    const item = body.data as CalendarItemView;
    expect(item).toMatchObject({ status: 'scheduled', publishAtLocal: publishAt });
    expect(
      await jobState(publishJobId(item.documentId, 'publish', new Date(item.publishAt!))),
    ).toBe('delayed');
    expect(await publishedLocales(article)).toEqual([]);

    const done = await waitUntil('the item to be published', async () => {
      const current = await itemOf(item.documentId);
      return current?.status === 'published' && current;
    });
    expect(await publishedLocales(article)).toEqual(['de']);
    const lines = publishes(article);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ locale: 'de' });
    expect(lines[0]!.at).toBeGreaterThanOrEqual(Date.parse(item.publishAt!));
    expect(done.lateMs).toBeGreaterThanOrEqual(0);
  });

  it('moves the job when rescheduled, and removes it when cancelled', async () => {
    const article = await createArticle('Moved');
    const { body } = await schedule(publisher, article, wallIn(3600)).expect(201);
    const item = body.data as CalendarItemView;
    const first = publishJobId(item.documentId, 'publish', new Date(item.publishAt!));
    expect(await jobState(first)).toBe('delayed');

    const moved = (
      await as(publisher)
        .put(`${BASE}/${item.documentId}`, { publishAt: wallIn(2) })
        .expect(200)
    ).body.data as CalendarItemView;
    expect(await jobState(first)).toBe('unknown');
    await waitUntil(
      'the moved item to publish',
      async () => (await itemOf(item.documentId))?.status === 'published',
    );
    expect(publishes(article)).toHaveLength(1);
    expect(publishes(article)[0]!.at).toBeGreaterThanOrEqual(Date.parse(moved.publishAt!));

    const other = await createArticle('Cancelled');
    const cancelled = (await schedule(publisher, other, wallIn(2)).expect(201)).body
      .data as CalendarItemView;
    const job = publishJobId(cancelled.documentId, 'publish', new Date(cancelled.publishAt!));
    await as(publisher).put(`${BASE}/${cancelled.documentId}`, { status: 'cancelled' }).expect(200);
    expect(await jobState(job)).toBe('unknown');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await publishedLocales(other)).toEqual([]);
    expect((await itemOf(cancelled.documentId))?.status).toBe('cancelled');
  });

  it('unpublishes at its time, after publishing', async () => {
    const article = await createArticle('Seasonal');
    const { body } = await schedule(publisher, article, wallIn(1), {
      unpublishAt: wallIn(3),
    }).expect(201);
    const item = body.data as CalendarItemView;
    await waitUntil(
      'the item to be unpublished',
      async () => (await itemOf(item.documentId))?.status === 'unpublished',
    );
    expect(publishes(article)).toHaveLength(1);
    expect(publishes(article, 'unpublish')).toHaveLength(1);
    expect(await publishedLocales(article)).toEqual([]);
  });

  it('refuses, with 403 and a line in the audit log, a user who may not publish the entry', async () => {
    const article = await createArticle('Not yours to publish');
    const before = await suite.strapi.db.query('plugin::alwrity.calendar-item').count();
    const { body } = await schedule(noPublish, article, wallIn(60)).expect(403);
    expect(body.error.message).toMatch(/may not publish/);
    expect(await suite.strapi.db.query('plugin::alwrity.calendar-item').count()).toBe(before);
    const audit = await suite.strapi.db.query('plugin::alwrity.audit-log').findOne({
      where: { action: 'calendar.schedule', userId: noPublish.id },
    });
    expect(audit).toMatchObject({ outcome: 'error' });

    // As a plan (not scheduled) the same user may keep it.
    await schedule(noPublish, article, wallIn(60), { status: 'planned' }).expect(201);
  });

  it('fails at fire time, without publishing, when the scheduler lost the permission', async () => {
    const article = await createArticle('Lost authority');
    const item = (await schedule(publisher, article, wallIn(2)).expect(201)).body
      .data as CalendarItemView;
    const permission = await suite.strapi.db
      .query('admin::permission')
      .findOne({ where: { role: publisherRole, action: PUBLISH } });
    await suite.strapi.db.query('admin::permission').delete({ where: { id: permission.id } });
    try {
      const failed = await waitUntil('the item to fail', async () => {
        const current = await itemOf(item.documentId);
        return current?.status === 'failed' && current;
      });
      expect(failed.error).toMatch(/may not publish/);
      expect(await publishedLocales(article)).toEqual([]);
      expect(publishes(article)).toHaveLength(0);
    } finally {
      await suite.strapi
        .service('admin::role')
        .addPermissions(publisherRole, [
          { action: PUBLISH, subject: ARTICLE, properties: permission.properties, conditions: [] },
        ]);
    }
  });

  it('publishes once when two runs of its job go at once (a worker that lost its lock)', async () => {
    const article = await createArticle('Raced');
    const item = (await schedule(publisher, article, wallIn(1)).expect(201)).body
      .data as CalendarItemView;
    const id = publishJobId(item.documentId, 'publish', new Date(item.publishAt!));
    await getService(suite.strapi, 'jobs').drop(CALENDAR_QUEUE, id);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const processor = getService(suite.strapi, 'calendar-scheduler').processor;
    const run = () =>
      processor({
        id,
        queue: CALENDAR_QUEUE,
        data: { itemId: item.documentId, action: 'publish' },
        attempt: 1,
        signal: new AbortController().signal,
        progress: async () => undefined,
      });
    await Promise.all([run(), run(), run()]);
    expect(publishes(article)).toHaveLength(1);
    expect((await itemOf(item.documentId))?.status).toBe('published');
  });

  it('refuses a second item for an entry another item already schedules', async () => {
    const article = await createArticle('Scheduled twice');
    await schedule(publisher, article, wallIn(3600)).expect(201);
    const { body } = await schedule(publisher, article, wallIn(7200)).expect(400);
    expect(body.error.message).toMatch(/target\.documentId: is already scheduled by the item/);
  });

  it.each([
    [{ publishAt: '2020-01-01T09:00' }, 'publishAt', 400],
    [{ timezone: 'Mars/Olympus' }, 'timezone', 400],
    [{ target: { uid: ARTICLE } }, 'target.documentId', 400],
    [
      { target: { uid: ARTICLE, documentId: 'nosuchdocument00000000000' } },
      'target.documentId',
      400,
    ],
  ])('refuses %j with a 400 naming %s', async (change, field, status) => {
    const article = await createArticle('Bad schedule');
    const { body } = await schedule(publisher, article, wallIn(60), change).expect(status);
    expect(body.error.message).toContain(field);
  });

  it('schedules 09:00 Berlin on the day clocks change at 07:00 UTC, the day before at 08:00', async () => {
    const dueOf = async (publishAt: string) => {
      // One item publishes an entry: each time gets an entry of its own.
      const article = await createArticle(`Summer time ${publishAt}`);
      const item = (
        await schedule(publisher, article, publishAt, { timezone: 'Europe/Berlin' }).expect(201)
      ).body.data as CalendarItemView;
      const id = publishJobId(item.documentId, 'publish', new Date(item.publishAt!));
      const { Queue } = await import('bullmq');
      const queue = new Queue(CALENDAR_QUEUE, {
        connection: { host: '127.0.0.1', port: 6379 },
        prefix: suite.prefix,
      });
      try {
        const job = await queue.getJob(id);
        // BullMQ counts the delay from its own clock reading, a millisecond or so after ours.
        return new Date(Math.round((job!.timestamp + job!.delay) / 1000) * 1000).toISOString();
      } finally {
        await queue.close();
      }
    };
    expect(await dueOf('2027-03-28T09:00')).toBe('2027-03-28T07:00:00.000Z');
    expect(await dueOf('2027-03-27T09:00')).toBe('2027-03-27T08:00:00.000Z');
    expect(await dueOf('2027-10-31T09:00')).toBe('2027-10-31T08:00:00.000Z');
  });

  it('publishes once, late, what fell due while every instance was down', async () => {
    const kept = await createArticle('Due while down');
    const lost = await createArticle('Due while down, queue lost');
    const keptItem = (await schedule(publisher, kept, wallIn(2)).expect(201)).body
      .data as CalendarItemView;
    const lostItem = (await schedule(publisher, lost, wallIn(2)).expect(201)).body
      .data as CalendarItemView;
    let bootedAt = 0;
    await suite.restart(undefined, async () => {
      await new Promise((resolve) => setTimeout(resolve, 4000));
      // The lost one's job went with the queue: only the item says it is due.
      const { default: IORedis } = await import('ioredis');
      const redis = new IORedis('redis://127.0.0.1:6379');
      const id = publishJobId(lostItem.documentId, 'publish', new Date(lostItem.publishAt!));
      const keys = await redis.keys(`${suite.prefix}:${CALENDAR_QUEUE}:${id}*`);
      await redis.zrem(`${suite.prefix}:${CALENDAR_QUEUE}:delayed`, id);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      bootedAt = Date.now();
    });
    for (const item of [keptItem, lostItem]) {
      const done = await waitUntil('the overdue item to publish', async () => {
        const current = await itemOf(item.documentId);
        return current?.status === 'published' && current;
      });
      // Published after the boot, and it says by how much it was late.
      expect(done.lateMs).toBeGreaterThanOrEqual(bootedAt - Date.parse(item.publishAt!));
      expect(publishes(item.target!.documentId!)[0]!.at).toBeGreaterThanOrEqual(bootedAt);
    }
    expect(publishes(kept)).toHaveLength(1);
    expect(publishes(lost)).toHaveLength(1);
    // Another boot finds nothing left to do.
    await suite.restart();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(publishes(kept)).toHaveLength(1);
    expect(publishes(lost)).toHaveLength(1);
  });
});
