import type { Core } from '@strapi/strapi';

export const CALENDAR_FEED_UID = 'plugin::alwrity.calendar-feed';

export interface CalendarFeedRow {
  userId: number;
  tokenHash: string;
  hint: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** One subscription per user, found by the hash of its token. */
export const calendarFeedsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(CALENDAR_FEED_UID as never);
  return {
    async ofUser(userId: number): Promise<CalendarFeedRow | null> {
      return (await query().findOne({ where: { userId } })) as CalendarFeedRow | null;
    },
    async byHash(tokenHash: string): Promise<CalendarFeedRow | null> {
      return (await query().findOne({ where: { tokenHash } })) as CalendarFeedRow | null;
    },
    /** A new token replaces the old one: the old URL stops working at once. */
    async replace(userId: number, tokenHash: string, hint: string): Promise<void> {
      await strapi.db.transaction(async () => {
        await query().deleteMany({ where: { userId } });
        await query().create({ data: { userId, tokenHash, hint, publishedAt: new Date() } });
      });
    },
    async remove(userId: number): Promise<number> {
      return (await query().deleteMany({ where: { userId } })).count;
    },
    async touch(tokenHash: string): Promise<void> {
      await query().updateMany({ where: { tokenHash }, data: { lastUsedAt: new Date() } });
    },
  };
};
