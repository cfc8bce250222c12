import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ACTIONS, uidOf } from '../../contracts/permissions';
import {
  auditIdParams,
  compareParams,
  listAuditsQuery,
  listPagesQuery,
  siteAuditBody,
} from '../../contracts/site-audits';
import { SITE_AUDIT_UID } from '../repositories/site-audits';
import { eitherScope, scopeOf } from '../utils/permission-scope';
import { getService } from '../utils/services';
import { assertNoBody, parseInput } from '../utils/validate';
import { issuesCsv } from '../utils/issues-csv';
import { streamJobEvents } from './jobs';

/**
 * The site analyzer. Reads reach only the audits the role's conditions allow for
 * `site-audit.read` ("Is creator" for Authors); any other audit answers 404.
 */
const siteAuditsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const audits = () => getService(strapi, 'site-audits');
  const readScope = (ctx: Context) => scopeOf(strapi, ctx, ACTIONS.siteAuditRead, SITE_AUDIT_UID);
  const idOf = (ctx: Context) => parseInput(auditIdParams, ctx.params, 'params').documentId;

  return {
    /** A page audit answers the finished audit; a crawl answers 202 with the queued audit. */
    async create(ctx: Context) {
      const body = parseInput(siteAuditBody, ctx.request.body);
      if (body.scope === 'site') {
        ctx.status = 202;
        ctx.body = { data: await audits().startCrawl(body, ctx.state.user.id) };
        return;
      }
      ctx.body = { data: await audits().auditOne(body, ctx.state.user.id) };
    },

    async find(ctx: Context) {
      ctx.body = await audits().list(
        parseInput(listAuditsQuery, ctx.query, 'query'),
        readScope(ctx),
      );
    },

    async findOne(ctx: Context) {
      ctx.body = { data: await audits().detail(idOf(ctx), readScope(ctx)) };
    },

    async pages(ctx: Context) {
      ctx.body = await audits().pages(
        idOf(ctx),
        parseInput(listPagesQuery, ctx.query, 'query'),
        readScope(ctx),
      );
    },

    async compare(ctx: Context) {
      const params = parseInput(compareParams, ctx.params, 'params');
      ctx.body = {
        data: await audits().compare(params.documentId, params.otherDocumentId, readScope(ctx)),
      };
    },

    async issuesCsv(ctx: Context) {
      const documentId = idOf(ctx);
      const detail = await audits().detail(documentId, readScope(ctx));
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="site-audit-${detail.host.replace(/[^\w.-]/g, '_')}-${documentId}.csv"`,
      );
      ctx.body = issuesCsv(audits().issues(documentId, readScope(ctx)));
    },

    async events(ctx: Context) {
      const documentId = idOf(ctx);
      const scope = readScope(ctx);
      // The jobs service finds any kind's job: only a site audit this user may read gets this far.
      await audits().summary(documentId, scope);
      await streamJobEvents(strapi, ctx, documentId, scope);
    },

    /** Stops a crawl the user may run audits on, or any crawl for whoever manages jobs. */
    async cancel(ctx: Context) {
      assertNoBody(ctx.request.body);
      const run = scopeOf(strapi, ctx, ACTIONS.siteAuditRun, SITE_AUDIT_UID);
      const manages = (ctx.state.userAbility as { can(action: string): boolean }).can(
        uidOf(ACTIONS.jobsManage),
      );
      const reach = manages
        ? eitherScope(run, scopeOf(strapi, ctx, ACTIONS.jobsManage, SITE_AUDIT_UID))
        : run;
      const documentId = idOf(ctx);
      await audits().summary(documentId, reach);
      ctx.body = { data: await getService(strapi, 'jobs').cancel(documentId, reach) };
    },
  };
};

export default siteAuditsController;
