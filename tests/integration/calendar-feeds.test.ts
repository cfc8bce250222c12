import ical, { type VEvent } from 'node-ical';
import type { CalendarItemView } from '../../contracts/calendar';
import { IS_CREATOR } from '../../contracts/permissions';
import { createUser } from '../helpers/strapi';
import { useSuite } from '../helpers/suite';

/** The calendar as iCalendar: a signed-in export, and per-user subscriptions by token. */

const suite = useSuite({ redis: false });
const FEED = 'plugin::alwrity.calendar-feed';

const eventsOf = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter(
    (component): component is VEvent => component?.type === 'VEVENT',
  );

const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

let planner: { id: number; token: string };
let other: { id: number; token: string };
const as = (user: { token: string }) => ({
  get: (url: string) => suite.app.http().get(url).set('Authorization', `Bearer ${user.token}`),
  post: (url: string, body: object = {}) =>
    suite.app.http().post(url).set('Authorization', `Bearer ${user.token}`).send(body),
  delete: (url: string) =>
    suite.app.http().delete(url).set('Authorization', `Bearer ${user.token}`),
});
const item = async (user: { token: string }, title: string, fields: object = {}) =>
  (
    await as(user)
      .post('/alwrity/calendar/items', {
        title,
        timezone: 'Europe/Berlin',
        status: 'planned',
        publishAt: soon(3),
        ...fields,
      })
      .expect(201)
  ).body.data as CalendarItemView;

beforeAll(async () => {
  // Planners who read and manage only the items they created.
  const permissions = ['calendar.read', 'calendar.manage'].map((action) => ({
    action: `plugin::alwrity.${action}`,
    conditions: [IS_CREATOR],
  }));
  planner = await createUser(suite.strapi, 'Feed Planner', { permissions });
  other = await createUser(suite.strapi, 'Other Planner', { code: `strapi-author` });
  const role = (
    await suite.strapi.db
      .query('admin::user')
      .findOne({ where: { id: other.id }, populate: ['roles'] })
  ).roles[0].id;
  await suite.strapi.service('admin::role').addPermissions(role, permissions);
});

describe('ICS export', () => {
  it('exports a filtered view that a real iCalendar parser reads', async () => {
    const blog = await item(planner, 'Launch; part 1, revised', { channel: 'blog' });
    await item(planner, 'A social post', { channel: 'social' });
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const response = await as(planner)
      .get(`/alwrity/calendar/items.ics?from=${from}&to=${to}&channel=blog`)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const events = eventsOf(response.text);
    expect(events.map((event) => event.uid)).toEqual([`${blog.documentId}@alwrity`]);
    expect(events[0]!.summary).toBe('[blog] Launch; part 1, revised');
    expect(events[0]!.start.toISOString()).toBe(blog.publishAt);
  });
});

describe('a calendar subscription by token', () => {
  it("opens the user's own items by token, and nothing else", async () => {
    const mine = await item(planner, 'Mine to subscribe to');
    const theirs = await item(other, 'Not in my feed');
    const { body } = await as(planner).post('/alwrity/calendar/feed-token').expect(201);
    const { token, url } = body.data as { token: string; url: string };
    expect(url).toContain(`/alwrity/calendar/feed.ics?token=${encodeURIComponent(token)}`);

    const feed = await suite.app
      .http()
      .get(`/alwrity/calendar/feed.ics?token=${encodeURIComponent(token)}`)
      .expect(200);
    const uids = eventsOf(feed.text).map((event) => event.uid);
    expect(uids).toContain(`${mine.documentId}@alwrity`);
    expect(uids).not.toContain(`${theirs.documentId}@alwrity`);

    // Stored as a hash only, and used.
    const row = await suite.strapi.db.query(FEED).findOne({ where: { userId: planner.id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.lastUsedAt).not.toBeNull();

    // The token is no admin credential: as a bearer token every other route says 401.
    for (const path of ['/alwrity/calendar/items?from=2026-01-01&to=2027-01-01', '/alwrity/jobs']) {
      await suite.app.http().get(path).set('Authorization', `Bearer ${token}`).expect(401);
    }
    await suite.app
      .http()
      .get('/admin/users/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(401);
    await suite.app.http().get(`/alwrity/calendar/items.ics?token=${token}`).expect(401);

    const status = await as(planner).get('/alwrity/calendar/feed-token').expect(200);
    expect(status.body.data).toMatchObject({ active: true, hint: token.slice(-4) });
    expect(status.body.data.token).toBeUndefined();
  });

  it('refuses an unknown, replaced or revoked token with 401, and a bad filter with 400', async () => {
    await suite.app.http().get('/alwrity/calendar/feed.ics').expect(401);
    await suite.app.http().get('/alwrity/calendar/feed.ics?token=alwcal_nope').expect(401);
    const first = (await as(planner).post('/alwrity/calendar/feed-token').expect(201)).body.data;
    const second = (await as(planner).post('/alwrity/calendar/feed-token').expect(201)).body.data;
    const open = (token: string) =>
      suite.app.http().get(`/alwrity/calendar/feed.ics?token=${encodeURIComponent(token)}`);
    await open(first.token).expect(401);
    await open(second.token).expect(200);
    const bad = await suite.app
      .http()
      .get(`/alwrity/calendar/feed.ics?token=${encodeURIComponent(second.token)}&channel=fax`)
      .expect(400);
    expect(bad.body.error.message).toContain('channel');
    await as(planner).delete('/alwrity/calendar/feed-token').expect(204);
    await open(second.token).expect(401);
    expect((await as(planner).get('/alwrity/calendar/feed-token')).body.data.active).toBe(false);
  });

  it('closes when its user may no longer read the calendar', async () => {
    const reader = await createUser(suite.strapi, 'Feed Reader', {
      permissions: [{ action: 'plugin::alwrity.calendar.read' }],
    });
    const { token } = (await as(reader).post('/alwrity/calendar/feed-token').expect(201)).body.data;
    const open = () =>
      suite.app.http().get(`/alwrity/calendar/feed.ics?token=${encodeURIComponent(token)}`);
    await open().expect(200);
    await suite.strapi.db.query('admin::user').update({
      where: { id: reader.id },
      data: { blocked: true },
    });
    await open().expect(401);
  });
});
