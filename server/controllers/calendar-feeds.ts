import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { exportItemsQuery, feedQuery } from '../../contracts/calendar';
import { ACTIONS } from '../../contracts/permissions';
import { calendarIcs } from '../services/calendar-feeds';
import { CALENDAR_ITEM_UID } from '../repositories/calendar-items';
import { scopeOf } from '../utils/permission-scope';
import { getService } from '../utils/services';
import { assertNoBody, parseInput } from '../utils/validate';

const ICS_TYPE = 'text/calendar; charset=utf-8';

/** The calendar as iCalendar: a view exported by a signed-in user, or a subscription by token. */
const calendarFeedsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const feeds = () => getService(strapi, 'calendar-feeds');
  return {
    async export(ctx: Context) {
      const query = parseInput(exportItemsQuery, ctx.query, 'query');
      const items = await getService(strapi, 'calendar').exportable(
        query,
        scopeOf(strapi, ctx, ACTIONS.calendarRead, CALENDAR_ITEM_UID),
      );
      ctx.type = ICS_TYPE;
      ctx.set('Content-Disposition', 'attachment; filename="calendar.ics"');
      ctx.body = calendarIcs(items, ctx.request.origin);
    },

    /** Opened by calendar apps: the token is its only credential and opens nothing else. */
    async feed(ctx: Context) {
      if (!ctx.query.token) throw new errors.UnauthorizedError('A feed token is required.');
      const { token, ...filters } = parseInput(feedQuery, ctx.query, 'query');
      const body = await feeds().render(token, filters, ctx.request.origin);
      if (body === null) {
        throw new errors.UnauthorizedError('This feed token is unknown or was revoked.');
      }
      ctx.type = ICS_TYPE;
      // Apps poll; a copy kept a few minutes is fine, but only by the subscriber.
      ctx.set('Cache-Control', 'private, max-age=300');
      ctx.body = body;
    },

    async token(ctx: Context) {
      ctx.body = { data: await feeds().status(ctx.state.user.id) };
    },

    async createToken(ctx: Context) {
      assertNoBody(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await feeds().issue(ctx.state.user.id, ctx.request.origin) };
    },

    async revokeToken(ctx: Context) {
      assertNoBody(ctx.request.body);
      await feeds().revoke(ctx.state.user.id);
      ctx.status = 204;
    },
  };
};

export default calendarFeedsController;
