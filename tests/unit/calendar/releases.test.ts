import { toReleaseViews } from '../../../server/calendar/releases';

describe('Content Releases as read-only calendar entries', () => {
  it('keeps each release time, zone and the entries it publishes or unpublishes', () => {
    expect(
      toReleaseViews([
        {
          id: 3,
          name: 'Spring launch',
          scheduledAt: '2027-03-28T07:00:00.000Z',
          timezone: 'Europe/Berlin',
          actions: [
            {
              type: 'publish',
              contentType: 'api::article.article',
              entryDocumentId: 'a1',
              locale: 'de',
            },
            { type: 'unpublish', contentType: 'api::page.page', entryDocumentId: null },
          ],
        },
        { id: 4, name: 'Empty', scheduledAt: new Date('2027-04-01T10:00:00Z') },
      ]),
    ).toEqual([
      {
        id: 3,
        name: 'Spring launch',
        scheduledAt: '2027-03-28T07:00:00.000Z',
        timezone: 'Europe/Berlin',
        entries: [
          { action: 'publish', uid: 'api::article.article', documentId: 'a1', locale: 'de' },
          { action: 'unpublish', uid: 'api::page.page', documentId: null, locale: null },
        ],
      },
      {
        id: 4,
        name: 'Empty',
        scheduledAt: '2027-04-01T10:00:00.000Z',
        timezone: null,
        entries: [],
      },
    ]);
  });
});
