import { z } from 'zod';
import { pageQuery } from './jobs';
import { documentId, reportLocale, typeUid } from './seo';
import { timeZone } from './time-zone';

/** The content calendar (`/alwrity/calendar/...`): what its routes take and answer. */

export const ITEM_STATUSES = [
  'idea',
  'planned',
  'in-progress',
  'scheduled',
  'published',
  'unpublished',
  'cancelled',
  'failed',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
type SchedulerStatus = 'published' | 'unpublished' | 'failed';
const SCHEDULER_STATUSES: readonly string[] = ['published', 'unpublished', 'failed'];
/** What an editor sets; the scheduler alone moves an item to published, unpublished or failed. */
export const EDITABLE_STATUSES = ITEM_STATUSES.filter(
  (status): status is Exclude<ItemStatus, SchedulerStatus> => !SCHEDULER_STATUSES.includes(status),
);
export const CHANNELS = ['blog', 'social', 'newsletter', 'video', 'podcast', 'other'] as const;

/** A time on the editor's clock; with `timezone` it names one instant. */
export const wallTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/,
    'must be a local date and time like 2026-03-29T09:00',
  );

const target = z
  .object({ uid: typeUid, documentId: documentId.optional(), locale: reportLocale.optional() })
  .strict();

const itemFields = {
  title: z.string().trim().min(1).max(200),
  brief: z.string().trim().max(5000).nullable(),
  status: z.enum(EDITABLE_STATUSES),
  channel: z.enum(CHANNELS),
  target: target.nullable(),
  publishAt: wallTime.nullable(),
  unpublishAt: wallTime.nullable(),
  timezone: timeZone,
  assigneeId: z.number().int().positive().nullable(),
  focusKeyphrase: z.string().trim().min(1).max(100).nullable(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20),
  /** The draft "Write it now" started for this item. */
  generationDocumentId: documentId.nullable(),
};

export const createItemBody = z
  .object({
    ...itemFields,
    brief: itemFields.brief.optional(),
    status: itemFields.status.default('idea'),
    channel: itemFields.channel.default('blog'),
    target: itemFields.target.optional(),
    publishAt: itemFields.publishAt.optional(),
    unpublishAt: itemFields.unpublishAt.optional(),
    assigneeId: itemFields.assigneeId.optional(),
    focusKeyphrase: itemFields.focusKeyphrase.optional(),
    tags: itemFields.tags.default([]),
    generationDocumentId: itemFields.generationDocumentId.optional(),
  })
  .strict();
export type CreateItemBody = z.infer<typeof createItemBody>;

export const updateItemBody = z
  .object(itemFields)
  .partial()
  .strict()
  .refine((update) => Object.keys(update).length > 0, 'must change at least one field');
export type UpdateItemBody = z.infer<typeof updateItemBody>;

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

const rangeFields = {
  from: isoDate,
  to: isoDate,
  channel: z.enum(CHANNELS).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  uid: typeUid.optional(),
  locale: reportLocale.optional(),
};
const rangeInOrder = {
  check: (query: { from: string; to: string }) => new Date(query.from) < new Date(query.to),
  message: { path: ['to'], message: 'must be after from' },
};

/** A range of the calendar, and what to keep of it. */
export const listItemsQuery = z
  .object({ ...rangeFields, ...pageQuery })
  .strict()
  .refine(rangeInOrder.check, rangeInOrder.message);
export type ListItemsQuery = z.infer<typeof listItemsQuery>;

export const itemIdParams = z.object({ documentId });

/** An ICS export takes a view's range and filters whole, up to this many items. */
export const EXPORT_MAX_ITEMS = 5000;
export const exportItemsQuery = z
  .object(rangeFields)
  .strict()
  .refine(rangeInOrder.check, rangeInOrder.message);
export type ExportItemsQuery = z.infer<typeof exportItemsQuery>;

/** A subscription's filters ride in its URL; the token alone says whose calendar it is. */
export const feedQuery = z
  .object({
    token: z.string().min(1).max(200),
    channel: rangeFields.channel,
    status: rangeFields.status,
  })
  .strict();

/** A range of the calendar for Strapi's own Content Releases. */
export const releasesQuery = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine(rangeInOrder.check, rangeInOrder.message);

/** A release Strapi's Content Releases will publish at its time: shown, never edited, here. */
export interface ReleaseView {
  id: number;
  name: string;
  scheduledAt: string;
  timezone: string | null;
  entries: {
    action: 'publish' | 'unpublish';
    uid: string;
    documentId: string | null;
    locale: string | null;
  }[];
}

export interface FeedTokenView {
  active: boolean;
  /** The token's last characters, to tell one from another. */
  hint: string | null;
  createdAt: string | null;
  lastUsedAt: string | null;
  /** Only when just created: shown once, never stored. */
  token?: string;
  url?: string;
}

export interface CalendarItemView {
  documentId: string;
  title: string;
  brief: string | null;
  status: ItemStatus;
  channel: (typeof CHANNELS)[number];
  target: { uid: string; documentId: string | null; locale: string | null } | null;
  /** The instant, and the same on the editor's clock in `timezone`. */
  publishAt: string | null;
  publishAtLocal: string | null;
  unpublishAt: string | null;
  unpublishAtLocal: string | null;
  timezone: string;
  assigneeId: number | null;
  focusKeyphrase: string | null;
  tags: string[];
  /** How long after its time the entry went live, once published. */
  lateMs: number | null;
  generationDocumentId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}
