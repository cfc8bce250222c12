import { createItemBody, listItemsQuery, updateItemBody } from '../../../contracts/calendar';

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('a calendar item as the routes take it', () => {
  it('fills in an idea for the blog, in the zone given', () => {
    expect(createItemBody.parse({ title: ' Spring sale ', timezone: 'Europe/Berlin' })).toEqual({
      title: 'Spring sale',
      timezone: 'Europe/Berlin',
      status: 'idea',
      channel: 'blog',
      tags: [],
    });
  });

  it('takes a publish time on the editor’s clock and the entry it publishes', () => {
    const body = createItemBody.parse({
      title: 'Launch post',
      timezone: 'Europe/Berlin',
      status: 'planned',
      publishAt: '2026-03-29T09:00',
      target: { uid: 'api::article.article', documentId: 'a1b2c3d4e5f6g7h8i9j0k1l2', locale: 'de' },
    });
    expect(body.publishAt).toBe('2026-03-29T09:00');
    expect(body.target?.locale).toBe('de');
  });

  it.each([
    [{ title: '', timezone: 'UTC' }, 'title'],
    [{ title: 'x', timezone: 'Mars/Olympus' }, 'timezone'],
    [{ title: 'x', timezone: 'UTC', publishAt: '2026-03-29 09:00' }, 'publishAt'],
    [{ title: 'x', timezone: 'UTC', status: 'published' }, 'status'],
    [{ title: 'x', timezone: 'UTC', channel: 'fax' }, 'channel'],
    [{ title: 'x', timezone: 'UTC', target: { uid: 'article' } }, 'target.uid'],
    [{ title: 'x', timezone: 'UTC', tags: ['a'.repeat(41)] }, 'tags.0'],
    [{ title: 'x', timezone: 'UTC', surprise: 1 }, ''],
  ])('refuses %j, naming %s', (body, field) => {
    const result = createItemBody.safeParse(body);
    expect(result.success).toBe(false);
    if (field) expect(fieldsOf(result)).toContain(field);
  });

  it('changes some fields, and at least one', () => {
    expect(updateItemBody.parse({ publishAt: null })).toEqual({ publishAt: null });
    expect(updateItemBody.safeParse({}).success).toBe(false);
  });
});

describe('a range of the calendar', () => {
  it('takes dates or instants, a page and filters', () => {
    expect(
      listItemsQuery.parse({
        from: '2026-03-01',
        to: '2026-04-01T00:00:00+02:00',
        channel: 'blog',
      }),
    ).toMatchObject({ from: '2026-03-01', channel: 'blog', page: 1 });
  });

  it.each([
    [{ from: '2026-04-01', to: '2026-03-01' }, 'to'],
    [{ from: 'yesterday', to: '2026-03-01' }, 'from'],
    [{ from: '2026-03-01', to: '2026-04-01', status: 'exploded' }, 'status'],
  ])('refuses %j, naming %s', (query, field) => {
    expect(fieldsOf(listItemsQuery.safeParse(query))).toContain(field);
  });
});
