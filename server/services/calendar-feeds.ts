import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { CalendarItemView, FeedTokenView } from '../../contracts/calendar';
import { ACTIONS, PLUGIN_ID, uidOf } from '../../contracts/permissions';
import { toIcs } from '../calendar/ics';
import { calendarFeedsRepository } from '../repositories/calendar-feeds';
import { CALENDAR_ITEM_UID } from '../repositories/calendar-items';
import { scopeFor } from '../utils/permission-scope';
import { getService } from '../utils/services';
import { abilityOf } from '../utils/user-can';

const TOKEN_PREFIX = 'alwcal_';
const DAY_MS = 86_400_000;
/** What a subscription shows: the recent past and the year ahead. */
const FEED_WINDOW = { pastDays: 90, futureDays: 365 };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The calendar's items as the feed and the export write them, linking to the admin's page. */
export const calendarIcs = (items: CalendarItemView[], origin: string, now?: Date) =>
  toIcs(items, {
    name: 'Content calendar',
    link: () => `${origin}/admin/plugins/${PLUGIN_ID}/calendar`,
    ...(now ? { now } : {}),
  });

/**
 * Per-user calendar subscriptions. The URL carries a random token that only the feed accepts;
 * the database keeps its hash, so a leaked database opens no feed, and a new token or a revoke
 * ends the old URL at once.
 */
const calendarFeedsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const feeds = calendarFeedsRepository(strapi);
  const feedUrl = (origin: string, token: string) =>
    `${origin}/${PLUGIN_ID}/calendar/feed.ics?token=${encodeURIComponent(token)}`;

  return {
    async status(userId: number): Promise<FeedTokenView> {
      const row = await feeds.ofUser(userId);
      return {
        active: Boolean(row),
        hint: row?.hint ?? null,
        createdAt: row ? new Date(row.createdAt).toISOString() : null,
        lastUsedAt: row?.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
      };
    },

    async issue(userId: number, origin: string): Promise<FeedTokenView> {
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      await feeds.replace(userId, hashOf(token), token.slice(-4));
      return { ...(await this.status(userId)), token, url: feedUrl(origin, token) };
    },

    async revoke(userId: number): Promise<void> {
      await feeds.remove(userId);
    },

    /**
     * The feed a token opens, as its user may read the calendar now (their role's conditions
     * included); null when the token is unknown or its user may no longer read the calendar.
     */
    async render(
      token: string,
      filters: { channel?: string; status?: string },
      origin: string,
      now = new Date(),
    ): Promise<string | null> {
      if (!token.startsWith(TOKEN_PREFIX)) return null;
      const row = await feeds.byHash(hashOf(token));
      const ability = row ? await abilityOf(strapi, row.userId) : null;
      if (!row || !ability?.can(uidOf(ACTIONS.calendarRead))) return null;
      const scope = scopeFor(strapi, ability, ACTIONS.calendarRead, CALENDAR_ITEM_UID);
      const items = await getService(strapi, 'calendar').exportable(
        {
          from: new Date(now.getTime() - FEED_WINDOW.pastDays * DAY_MS).toISOString(),
          to: new Date(now.getTime() + FEED_WINDOW.futureDays * DAY_MS).toISOString(),
          ...(filters as object),
        },
        scope,
      );
      await feeds.touch(row.tokenHash);
      return calendarIcs(items, origin, now);
    },
  };
};

export default calendarFeedsService;
export type CalendarFeedsService = ReturnType<typeof calendarFeedsService>;
