import type { EventInput } from '@fullcalendar/core';
import type { CalendarItemView, ItemStatus, ReleaseView } from '../../../contracts/calendar';
import { CHANNELS } from '../../../contracts/calendar';

export type ColourBy = 'channel' | 'status';
type Channel = (typeof CHANNELS)[number];

// Strapi's own palette (primary, success, warning, danger, secondary, alternative, neutral).
const CHANNEL_COLOURS: Record<Channel, string> = {
  blog: '#4945ff',
  social: '#0c75af',
  newsletter: '#9736e8',
  video: '#d02b20',
  podcast: '#328048',
  other: '#666687',
};
const STATUS_COLOURS: Record<ItemStatus, string> = {
  idea: '#8e8ea9',
  planned: '#0c75af',
  'in-progress': '#9736e8',
  scheduled: '#4945ff',
  published: '#328048',
  unpublished: '#666687',
  cancelled: '#a5a5ba',
  failed: '#d02b20',
};

export const colourOf = (item: Pick<CalendarItemView, 'channel' | 'status'>, by: ColourBy) =>
  by === 'channel' ? CHANNEL_COLOURS[item.channel] : STATUS_COLOURS[item.status];

const RELEASE_COLOUR = '#a5a5ba';

/** Releases Strapi's Content Releases will publish: read-only, opened in the Releases page. */
export const releaseEvents = (releases: ReleaseView[]): EventInput[] =>
  releases.map((release) => ({
    id: `release-${release.id}`,
    title: `${release.name} (${release.entries.length})`,
    start: release.scheduledAt,
    allDay: false,
    editable: false,
    backgroundColor: RELEASE_COLOUR,
    borderColor: RELEASE_COLOUR,
    classNames: ['alwrity-release'],
    extendedProps: { release },
  }));

/** Done or under way on its own: the scheduler owns it, so it is not dragged. */
const LOCKED: ItemStatus[] = ['published', 'unpublished', 'failed'];

/** Items with a time, as FullCalendar events; the item rides along for clicks and drops. */
export const toEvents = (items: CalendarItemView[], by: ColourBy): EventInput[] =>
  items
    .filter((item) => item.publishAt)
    .map((item) => ({
      id: item.documentId,
      title: item.title,
      start: item.publishAt!,
      allDay: false,
      backgroundColor: colourOf(item, by),
      borderColor: colourOf(item, by),
      editable: !LOCKED.includes(item.status),
      classNames: [`alwrity-status-${item.status}`],
      extendedProps: { item },
    }));
