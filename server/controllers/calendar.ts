import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  createItemBody,
  itemIdParams,
  listItemsQuery,
  updateItemBody,
} from '../../contracts/calendar';
import { ACTIONS, type ActionName } from '../../contracts/permissions';
import { CALENDAR_ITEM_UID } from '../repositories/calendar-items';
import { scopeOf } from '../utils/permission-scope';
import { getService } from '../utils/services';
import { assertNoBody, parseInput } from '../utils/validate';

/**
 * The content calendar. Reading follows calendar.read's conditions, changing calendar.manage's:
 * an item outside them answers 404.
 */
const calendarController = ({ strapi }: { strapi: Core.Strapi }) => {
  const calendar = () => getService(strapi, 'calendar');
  const scope = (ctx: Context, action: ActionName) =>
    scopeOf(strapi, ctx, action, CALENDAR_ITEM_UID);
  const idOf = (ctx: Context) => parseInput(itemIdParams, ctx.params, 'params').documentId;

  return {
    async find(ctx: Context) {
      ctx.body = await calendar().list(
        parseInput(listItemsQuery, ctx.query, 'query'),
        scope(ctx, ACTIONS.calendarRead),
      );
    },

    async create(ctx: Context) {
      const body = parseInput(createItemBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await calendar().create(body, ctx.state.user.id) };
    },

    async update(ctx: Context) {
      const documentId = idOf(ctx);
      const body = parseInput(updateItemBody, ctx.request.body);
      ctx.body = {
        data: await calendar().update(documentId, body, scope(ctx, ACTIONS.calendarManage)),
      };
    },

    async delete(ctx: Context) {
      const documentId = idOf(ctx);
      assertNoBody(ctx.request.body);
      await calendar().remove(documentId, scope(ctx, ACTIONS.calendarManage));
      ctx.status = 204;
    },
  };
};

export default calendarController;
