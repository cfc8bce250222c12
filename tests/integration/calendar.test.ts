import type { CalendarItemView } from '../../contracts/calendar';
import { useSuite } from '../helpers/suite';

/** The calendar's items: wall times in the editor's zone stored as instants, ranges, RBAC. */

const suite = useSuite({ redis: false });
const BASE = '/alwrity/calendar/items';
const ITEM = 'plugin::alwrity.calendar-item';

const create = async (body: object) =>
  (await suite.app.as('editor').post(BASE, body).expect(201)).body.data as CalendarItemView;

describe('calendar items', () => {
  it('stores 09:00 Berlin on the day clocks change as 07:00 UTC, and shows it as 09:00', async () => {
    const item = await create({
      title: 'Launch post',
      timezone: 'Europe/Berlin',
      status: 'planned',
      channel: 'blog',
      publishAt: '2026-03-29T09:00',
      target: { uid: 'api::article.article', locale: 'de' },
      tags: ['launch'],
    });
    expect(item).toMatchObject({
      publishAt: '2026-03-29T07:00:00.000Z',
      publishAtLocal: '2026-03-29T09:00',
      timezone: 'Europe/Berlin',
      target: { uid: 'api::article.article', documentId: null, locale: 'de' },
      tags: ['launch'],
    });
  });

  it('lists a range soonest first, filtered, and leaves out what falls outside it', async () => {
    const inside = await create({
      title: 'In May',
      timezone: 'UTC',
      publishAt: '2026-05-10T10:00',
    });
    const earlier = await create({
      title: 'Early May',
      timezone: 'UTC',
      publishAt: '2026-05-02T10:00',
    });
    await create({ title: 'June', timezone: 'UTC', publishAt: '2026-06-02T10:00' });
    await create({
      title: 'Social',
      timezone: 'UTC',
      channel: 'social',
      publishAt: '2026-05-05T10:00',
    });
    const { body } = await suite.app
      .as('editor')
      .get(`${BASE}?from=2026-05-01&to=2026-06-01&channel=blog`)
      .expect(200);
    expect(body.data.map((item: CalendarItemView) => item.documentId)).toEqual([
      earlier.documentId,
      inside.documentId,
    ]);
  });

  it('moves an item, and keeps its wall time when its zone changes', async () => {
    const item = await create({ title: 'Move me', timezone: 'UTC', publishAt: '2026-07-01T09:00' });
    const moved = await suite.app
      .as('editor')
      .put(`${BASE}/${item.documentId}`, { publishAt: '2026-07-03T09:00' })
      .expect(200);
    expect(moved.body.data.publishAt).toBe('2026-07-03T09:00:00.000Z');
    const rezoned = await suite.app
      .as('editor')
      .put(`${BASE}/${item.documentId}`, { timezone: 'America/New_York' })
      .expect(200);
    expect(rezoned.body.data).toMatchObject({
      publishAtLocal: '2026-07-03T09:00',
      publishAt: '2026-07-03T13:00:00.000Z',
    });
  });

  it.each([
    [{ publishAt: '2026-02-30T09:00' }, 'publishAt'],
    [{ publishAt: '2026-07-01T09:00', unpublishAt: '2026-07-01T08:00' }, 'unpublishAt'],
  ])('refuses %j with a 400 naming %s, nothing stored', async (times, field) => {
    const before = await suite.strapi.db.query(ITEM).count();
    const response = await suite.app
      .as('editor')
      .post(BASE, { title: 'Bad time', timezone: 'UTC', ...times })
      .expect(400);
    expect(response.body.error.message).toContain(field);
    expect(await suite.strapi.db.query(ITEM).count()).toBe(before);
  });

  it('deletes an item; a deleted one answers 404; an Author without calendar.manage gets 403', async () => {
    const item = await create({ title: 'Gone soon', timezone: 'UTC' });
    await suite.app.as('author').put(`${BASE}/${item.documentId}`, { title: 'Mine' }).expect(403);
    await suite.app.as('editor').delete(`${BASE}/${item.documentId}`).expect(204);
    await suite.app.as('editor').put(`${BASE}/${item.documentId}`, { title: 'Back' }).expect(404);
  });

  it('shows no Content Releases where that API is not there (this edition), and says so', async () => {
    const { body } = await suite.app
      .as('editor')
      .get('/alwrity/calendar/releases?from=2026-03-01&to=2026-04-01')
      .expect(200);
    expect(body).toEqual({ data: [], meta: { available: false } });
  });
});
