import * as ical from 'node-ical';
import type { VEvent } from 'node-ical';
import type { CalendarItemView, ItemStatus } from '../../../contracts/calendar';
import { toIcs } from '../../../server/calendar/ics';

const item = (overrides: Partial<CalendarItemView> = {}): CalendarItemView => ({
  documentId: 'doc1',
  title: 'Launch post',
  brief: 'Announce the launch.',
  status: 'scheduled',
  channel: 'blog',
  target: { uid: 'api::article.article', documentId: 'art9', locale: 'de' },
  publishAt: '2026-03-29T07:00:00.000Z',
  publishAtLocal: '2026-03-29T09:00',
  unpublishAt: null,
  unpublishAtLocal: null,
  timezone: 'Europe/Berlin',
  assigneeId: null,
  focusKeyphrase: 'spring launch',
  tags: ['launch', 'q2'],
  lateMs: null,
  generationDocumentId: null,
  error: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

const now = new Date('2026-03-20T12:00:00Z');
const options = {
  name: 'Alwrity editorial calendar',
  link: (view: CalendarItemView) => `https://cms.example.com/admin/calendar/${view.documentId}`,
  now,
};

const parse = (text: string) => ical.sync.parseICS(text);
const eventsOf = (text: string) =>
  Object.values(parse(text)).filter((entry): entry is VEvent => entry?.type === 'VEVENT');
const onlyEvent = (view: CalendarItemView) => {
  const [event, ...rest] = eventsOf(toIcs([view], options));
  expect(rest).toHaveLength(0);
  return event!;
};

describe('the calendar feed', () => {
  it('has one event per item with a publishing time, and leaves out the rest', () => {
    const events = eventsOf(
      toIcs(
        [
          item({ documentId: 'a' }),
          item({ documentId: 'b', publishAt: null, publishAtLocal: null }),
          item({ documentId: 'c', publishAt: '2026-04-01T16:30:00.000Z' }),
        ],
        options,
      ),
    );
    expect(events.map((event) => event.uid).sort()).toEqual(['a@alwrity', 'c@alwrity']);
  });

  it('writes an item as a 30-minute event at its instant, stamped with now', () => {
    const event = onlyEvent(item());
    expect(event.uid).toBe('doc1@alwrity');
    expect(event.start.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-03-29T07:30:00.000Z');
    expect(event.dtstamp.toISOString()).toBe(now.toISOString());
    expect(event.summary).toBe('[blog] Launch post');
    expect(event.url).toBe('https://cms.example.com/admin/calendar/doc1');
    expect(event.categories).toEqual(['blog', 'launch', 'q2']);
    expect(event.status).toBe('CONFIRMED');
    expect(event.description).toBe(
      [
        'Announce the launch.',
        'Status: scheduled',
        'Focus keyphrase: spring launch',
        'Entry: api::article.article / art9 / de',
        'Local time: 09:00 Europe/Berlin',
      ].join('\n'),
    );
  });

  it('keeps the same UID for an item from one feed to the next', () => {
    const first = onlyEvent(item({ title: 'Draft title' }));
    const second = onlyEvent(item({ title: 'Final title', publishAt: '2026-03-30T07:00:00Z' }));
    expect(second.uid).toBe(first.uid);
  });

  it('describes only what the item has', () => {
    const event = onlyEvent(
      item({
        brief: null,
        focusKeyphrase: null,
        target: { uid: 'api::page.page', documentId: null, locale: null },
        publishAtLocal: null,
        status: 'idea',
        tags: [],
      }),
    );
    expect(event.description).toBe('Status: idea\nEntry: api::page.page');
    expect(event.categories).toEqual(['blog']);
    expect(onlyEvent(item({ target: null, brief: null })).description).not.toMatch(/Entry/);
  });

  it.each<[ItemStatus, string]>([
    ['idea', 'TENTATIVE'],
    ['planned', 'TENTATIVE'],
    ['in-progress', 'TENTATIVE'],
    ['scheduled', 'CONFIRMED'],
    ['published', 'CONFIRMED'],
    ['unpublished', 'CONFIRMED'],
    ['failed', 'CONFIRMED'],
    ['cancelled', 'CANCELLED'],
  ])('shows %s items as %s', (status, expected) => {
    expect(onlyEvent(item({ status })).status).toBe(expected);
  });

  it('round-trips commas, semicolons, backslashes, newlines and non-ASCII text', () => {
    const title = 'Grüße; Teil 1, neu\nzweite Zeile \\ Ende 🚀';
    const event = onlyEvent(
      item({ title, brief: 'a,b;c\\d\r\nnext', tags: ['ä, ö', 'x;y'], channel: 'newsletter' }),
    );
    expect(event.summary).toBe(`[newsletter] ${title}`);
    expect(event.description).toMatch(/^a,b;c\\d\nnext\nStatus: /);
    expect(event.categories).toEqual(['newsletter', 'ä, ö', 'x;y']);
  });

  it('folds long lines at 75 octets with CRLF, and they parse back whole', () => {
    const brief = `${'Frühlingsgrüße aus Köln — '.repeat(40)}🚀 Ende`;
    const text = toIcs([item({ brief, title: 'Ü'.repeat(80) })], options);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(10);
    const [event] = eventsOf(text);
    expect(event?.summary).toBe(`[blog] ${'Ü'.repeat(80)}`);
    expect(event?.description).toBe(
      [
        brief,
        'Status: scheduled',
        'Focus keyphrase: spring launch',
        'Entry: api::article.article / art9 / de',
        'Local time: 09:00 Europe/Berlin',
      ].join('\n'),
    );
  });

  it('names the calendar', () => {
    const name = 'Redaktion, Köln; 2026';
    const text = toIcs([item()], { ...options, name });
    // Escaped as TEXT, as stricter readers than node-ical need.
    expect(text).toContain('\r\nX-WR-CALNAME:Redaktion\\, Köln\\; 2026\r\n');
    const calendar = parse(text).vcalendar;
    expect(calendar?.['WR-CALNAME']).toBe(name);
    expect(calendar?.prodid).toBe('alwrity/calendar');
  });

  it('writes an empty calendar when nothing is scheduled', () => {
    const text = toIcs([item({ publishAt: null, publishAtLocal: null })], options);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(eventsOf(text)).toHaveLength(0);
    expect(eventsOf(toIcs([], options))).toHaveLength(0);
    expect(parse(toIcs([], options)).vcalendar?.['WR-CALNAME']).toBe(options.name);
  });

  it('throws when ics refuses an event', () => {
    expect(() => toIcs([item()], { ...options, link: () => '/admin/calendar/doc1' })).toThrow(
      /^Could not write the calendar feed: url must match/,
    );
    expect(() => toIcs([item({ publishAt: 'soon' })], options)).toThrow(Error);
  });
});
