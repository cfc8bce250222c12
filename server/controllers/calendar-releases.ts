import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { releasesQuery } from '../../contracts/calendar';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

const calendarReleasesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Strapi's own Content Releases in a range, read-only; none where that API is not there. */
  async find(ctx: Context) {
    const range = parseInput(releasesQuery, ctx.query, 'query');
    ctx.body = await getService(strapi, 'calendar-releases').list(range, ctx.state.userAbility);
  },
});

export default calendarReleasesController;
