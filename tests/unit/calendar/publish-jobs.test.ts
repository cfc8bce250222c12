import { jobChanges, publishJobId, publishJobsOf } from '../../../server/calendar/publish-jobs';

const item = (fields: object) => ({
  documentId: 'item1',
  status: 'scheduled',
  targetUid: 'api::article.article',
  targetDocumentId: 'doc1',
  publishAt: '2027-03-28T07:00:00.000Z',
  unpublishAt: null,
  ...fields,
});

describe('the jobs a calendar item needs', () => {
  it('names each job by its item, action and time', () => {
    expect(publishJobsOf(item({ unpublishAt: '2027-04-01T07:00:00.000Z' }))).toEqual([
      expect.objectContaining({ id: `publish-item1-${Date.parse('2027-03-28T07:00:00Z')}` }),
      expect.objectContaining({ id: `unpublish-item1-${Date.parse('2027-04-01T07:00:00Z')}` }),
    ]);
  });

  it.each([
    ['an idea', { status: 'planned' }],
    ['no target entry', { targetDocumentId: null }],
    ['no time', { publishAt: null }],
    ['a published item with nothing to take down', { status: 'published' }],
  ])('needs none for %s', (_, fields) => {
    expect(publishJobsOf(item(fields))).toEqual([]);
  });

  it('keeps only the unpublish job once published', () => {
    const published = item({ status: 'published', unpublishAt: '2027-04-01T07:00:00.000Z' });
    expect(publishJobsOf(published).map((job) => job.action)).toEqual(['unpublish']);
  });

  it('moves a job when its time moves, and drops it when cancelled', () => {
    const before = item({});
    const moved = item({ publishAt: '2027-03-29T07:00:00.000Z' });
    const changes = jobChanges(before, moved);
    expect(changes.added.map((job) => job.id)).toEqual([
      publishJobId('item1', 'publish', new Date('2027-03-29T07:00:00Z')),
    ]);
    expect(changes.removed.map((job) => job.id)).toEqual([
      publishJobId('item1', 'publish', new Date('2027-03-28T07:00:00Z')),
    ]);
    expect(jobChanges(before, item({ status: 'cancelled' })).added).toEqual([]);
    expect(jobChanges(before, item({ title: 'renamed' }))).toMatchObject({
      added: [],
      removed: [],
    });
  });
});
