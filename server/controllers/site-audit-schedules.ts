import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ACTIONS } from '../../contracts/permissions';
import {
  listSchedulesQuery,
  scheduleBody,
  scheduleIdParams,
  scheduleUpdate,
} from '../../contracts/site-audit-schedules';
import { SITE_AUDIT_SCHEDULE_UID } from '../repositories/site-audit-schedules';
import { scopeOf } from '../utils/permission-scope';
import { getService } from '../utils/services';
import { assertNoBody, parseInput } from '../utils/validate';

/**
 * Recurring audits. Reading follows site-audit.read's conditions, changing site-audit.run's:
 * a schedule outside them answers 404.
 */
const siteAuditSchedulesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const schedules = () => getService(strapi, 'site-audit-schedules');
  const scope = (
    ctx: Context,
    action: typeof ACTIONS.siteAuditRead | typeof ACTIONS.siteAuditRun,
  ) => scopeOf(strapi, ctx, action, SITE_AUDIT_SCHEDULE_UID);
  const idOf = (ctx: Context) => parseInput(scheduleIdParams, ctx.params, 'params').documentId;

  return {
    async find(ctx: Context) {
      ctx.body = await schedules().list(
        parseInput(listSchedulesQuery, ctx.query, 'query'),
        scope(ctx, ACTIONS.siteAuditRead),
      );
    },

    async create(ctx: Context) {
      const body = parseInput(scheduleBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await schedules().create(body, ctx.state.user.id) };
    },

    async update(ctx: Context) {
      const documentId = idOf(ctx);
      const update = parseInput(scheduleUpdate, ctx.request.body);
      ctx.body = {
        data: await schedules().update(documentId, update, scope(ctx, ACTIONS.siteAuditRun)),
      };
    },

    async delete(ctx: Context) {
      const documentId = idOf(ctx);
      assertNoBody(ctx.request.body);
      await schedules().remove(documentId, scope(ctx, ACTIONS.siteAuditRun));
      ctx.status = 204;
    },
  };
};

export default siteAuditSchedulesController;
