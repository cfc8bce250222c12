import type { Core } from '@strapi/strapi';
import type { ReleaseView } from '../../contracts/calendar';
import { toReleaseViews, type ReleaseRow } from '../calendar/releases';
import type { UserAbility } from '../utils/readable-entry';

const RELEASE_UID = 'plugin::content-releases.release';
const FEATURE = 'cms-content-releases';
const READ_RELEASES = 'plugin::content-releases.read';

/**
 * The releases Strapi's Content Releases has scheduled in a range, where that API is there (an
 * edition with the feature, the plugin loaded) and the user may read releases.
 */
const calendarReleasesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  available(ability: UserAbility): boolean {
    const ee = (strapi as unknown as { ee?: { features?: { isEnabled(name: string): boolean } } })
      .ee;
    return (
      Boolean(strapi.contentTypes[RELEASE_UID as never]) &&
      ee?.features?.isEnabled(FEATURE) === true &&
      (ability as { can(action: string): boolean }).can(READ_RELEASES)
    );
  },

  async list(
    range: { from: string; to: string },
    ability: UserAbility,
  ): Promise<{ data: ReleaseView[]; meta: { available: boolean } }> {
    if (!this.available(ability)) return { data: [], meta: { available: false } };
    const rows = (await strapi.db.query(RELEASE_UID as never).findMany({
      where: {
        releasedAt: { $null: true },
        scheduledAt: { $gte: new Date(range.from), $lt: new Date(range.to) },
      },
      orderBy: { scheduledAt: 'asc' },
      populate: { actions: { select: ['type', 'contentType', 'entryDocumentId', 'locale'] } },
    })) as ReleaseRow[];
    return { data: toReleaseViews(rows), meta: { available: true } };
  },
});

export default calendarReleasesService;
export type CalendarReleasesService = ReturnType<typeof calendarReleasesService>;
