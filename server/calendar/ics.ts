import { createEvents, type EventAttributes, type EventStatus } from 'ics';
import type { CalendarItemView, ItemStatus } from '../../contracts/calendar';

/**
 * The content calendar as an iCalendar feed (RFC 5545) that calendar apps subscribe to and poll.
 * Each scheduled item is a short event at its publishing instant.
 */

const DURATION = { minutes: 30 };
const LINE_OCTETS = 75;

// A Record, so that a new item status cannot be left without an event status.
const EVENT_STATUS: Record<ItemStatus, EventStatus> = {
  idea: 'TENTATIVE',
  planned: 'TENTATIVE',
  'in-progress': 'TENTATIVE',
  scheduled: 'CONFIRMED',
  published: 'CONFIRMED',
  unpublished: 'CONFIRMED',
  failed: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/** `ics` writes DTSTAMP from `timestamp`, which its types leave out (it would default to now). */
type Event = EventAttributes & { timestamp: number };

/** TEXT escaping (§3.3.11) for the values `ics` writes as given: CATEGORIES and X-WR-CALNAME. */
const escapeText = (text: string) =>
  text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');

const descriptionOf = (item: CalendarItemView) => {
  const { target } = item;
  return [
    item.brief,
    `Status: ${item.status}`,
    item.focusKeyphrase && `Focus keyphrase: ${item.focusKeyphrase}`,
    target &&
      `Entry: ${[target.uid, target.documentId, target.locale].filter(Boolean).join(' / ')}`,
    // The feed is in UTC and apps show it on the reader's clock; this is the editor's.
    item.publishAtLocal && `Local time: ${item.publishAtLocal.slice(11, 16)} ${item.timezone}`,
  ]
    .filter(Boolean)
    .join('\n');
};

/**
 * `ics` folds lines after 75 characters but RFC 5545 §3.1 counts 75 octets, which any non-ASCII
 * text overruns: unfold its output and fold again by octets, between code points so that no
 * UTF-8 sequence is cut.
 */
const foldLine = (line: string) => {
  let folded = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > LINE_OCTETS) {
      folded += '\r\n ';
      octets = 1;
    }
    folded += char;
    octets += size;
  }
  return folded;
};
const refold = (text: string) =>
  text
    .replace(/\r\n[\t ]/g, '')
    .split('\r\n')
    .map(foldLine)
    .join('\r\n');

export const toIcs = (
  items: CalendarItemView[],
  options: { name: string; link: (item: CalendarItemView) => string; now?: Date },
): string => {
  const timestamp = (options.now ?? new Date()).getTime();
  const events = items.flatMap((item): Event[] =>
    item.publishAt
      ? [
          {
            // Stable, so that an app polling the feed updates the event instead of adding another.
            uid: `${item.documentId}@alwrity`,
            start: Date.parse(item.publishAt),
            startInputType: 'utc',
            startOutputType: 'utc',
            duration: DURATION,
            timestamp,
            title: `[${item.channel}] ${item.title}`,
            description: descriptionOf(item),
            url: options.link(item),
            categories: [item.channel, ...item.tags].map(escapeText),
            status: EVENT_STATUS[item.status],
          },
        ]
      : [],
  );
  const { error, value } = createEvents(events, {
    productId: 'alwrity/calendar',
    calName: escapeText(options.name),
  });
  // `ics` hands back a copy of yup's error, not an Error: rethrow one with a stack from here.
  if (error || value === null) {
    throw new Error(`Could not write the calendar feed: ${error?.message}`, { cause: error });
  }
  return refold(value);
};
