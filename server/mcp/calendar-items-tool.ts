import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';
import { CHANNELS, ITEM_STATUSES, type CalendarItemView } from '../../contracts/calendar';
import { ACTIONS, uidOf } from '../../contracts/permissions';
import { CALENDAR_ITEM_UID } from '../repositories/calendar-items';
import { scopeFor } from '../utils/permission-scope';
import type { UserAbility } from '../utils/readable-entry';
import { getService } from '../utils/services';

// Strapi's MCP server reads schemas with its own zod: both are built from that namespace.
const instant = z.string().datetime({ offset: true }).or(z.string().date());
const input = z
  .object({
    from: instant.describe('Start of the range (ISO date or date-time), inclusive'),
    to: instant.describe('End of the range (ISO date or date-time), exclusive'),
    channel: z.enum(CHANNELS).optional().describe('Only items for this channel'),
    status: z.enum(ITEM_STATUSES).optional().describe('Only items in this status'),
    limit: z.number().int().min(1).max(100).default(50).describe('At most this many items'),
  })
  .strict()
  .refine((range) => new Date(range.from) < new Date(range.to), {
    path: ['to'],
    message: 'must be after from',
  });

const item = z.object({
  documentId: z.string(),
  title: z.string(),
  brief: z.string().nullable(),
  status: z.string(),
  channel: z.string(),
  publishAt: z.string().nullable(),
  publishAtLocal: z.string().nullable(),
  timezone: z.string(),
  focusKeyphrase: z.string().nullable(),
  tags: z.array(z.string()),
  target: z
    .object({ uid: z.string(), documentId: z.string().nullable(), locale: z.string().nullable() })
    .nullable(),
});
const output = z.object({ items: z.array(item), total: z.number() });

const compact = (view: CalendarItemView): z.infer<typeof item> => ({
  documentId: view.documentId,
  title: view.title,
  brief: view.brief,
  status: view.status,
  channel: view.channel,
  publishAt: view.publishAt,
  publishAtLocal: view.publishAtLocal,
  timezone: view.timezone,
  focusKeyphrase: view.focusKeyphrase,
  tags: view.tags,
  target: view.target,
});

/** `alwrity_calendar_items`: the content calendar in a range, as the token's owner may read it. */
export const calendarItemsTool = {
  name: 'alwrity_calendar_items',
  title: 'Alwrity: content calendar items in a range',
  description:
    "Lists the editorial calendar items whose publish time falls in a range, soonest first: title, brief, status (idea, planned, in-progress, scheduled, published, unpublished, cancelled, failed), channel, the publish time in UTC and on the editor's clock with its IANA time zone, focus keyphrase, tags and the entry it publishes. Filter by channel or status.",
  auth: { policies: [{ action: uidOf(ACTIONS.calendarRead) }] },
  resolveInputSchema: () => input,
  resolveOutputSchema: () => output,
  createHandler:
    (strapi: Core.Strapi, context: { userAbility: UserAbility }) =>
    async ({ args }: { args: z.infer<typeof input> }) => {
      const { limit, ...range } = args;
      const { data, meta } = await getService(strapi, 'calendar').list(
        { ...range, page: 1, pageSize: limit },
        scopeFor(strapi, context.userAbility, ACTIONS.calendarRead, CALENDAR_ITEM_UID),
      );
      const result = { items: data.map(compact), total: meta.pagination.total };
      return {
        content: [{ type: 'text' as const, text: JSON.stringify(result) }],
        structuredContent: result,
      };
    },
};
