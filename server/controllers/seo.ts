import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import {
  analyzeBody,
  focusBody,
  overviewQuery,
  reanalyzeBody,
  reportParams,
  reportQuery,
} from '../../contracts/seo';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

interface ReadChecker {
  can: {
    read(entity?: Record<string, unknown>): boolean;
    update(entity?: Record<string, unknown>): boolean;
  };
  sanitizedQuery: { read(query: Record<string, unknown>): Promise<Record<string, unknown>> };
}

const seoController = ({ strapi }: { strapi: Core.Strapi }) => {
  const checkerFor = (ctx: Context, uid: string) =>
    strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ctx.state.userAbility, model: uid }) as ReadChecker;

  /**
   * The document ids of a type this user may read in a locale, or null when they may read every
   * one (no conditions on their read permission); a 404 when they may read none.
   */
  const readableIds = async (ctx: Context, uid: string, locale: string | undefined) => {
    const checker = checkerFor(ctx, uid);
    if (!strapi.contentTypes[uid as never] || !checker.can.read()) {
      throw new errors.NotFoundError(`No content type ${uid} you may read.`);
    }
    const query = await checker.sanitizedQuery.read({});
    if (!query.filters) return null;
    const rows = (await strapi.documents(uid as never).findMany({
      filters: query.filters,
      fields: ['documentId'],
      ...(locale ? { locale } : {}),
    } as never)) as { documentId: string }[];
    return rows.map((row) => row.documentId);
  };

  /**
   * The entry a report route names, if this user may read it in the content manager (conditions
   * such as "Is creator" included); otherwise a 404 that says no more than that.
   */
  const readableTarget = async (ctx: Context, locale: string | undefined) => {
    // Only the route's own parameters: the router may add numbered captures beside them.
    const { uid, entryId: documentId } = parseInput(
      reportParams,
      { uid: ctx.params.uid, entryId: ctx.params.entryId },
      'path',
    );
    const checker = checkerFor(ctx, uid);
    const notFound = new errors.NotFoundError(`No entry ${documentId} of ${uid} you may read.`);
    if (!strapi.contentTypes[uid as never] || !checker.can.read()) throw notFound;
    const entry = (await strapi.documents(uid as never).findOne({
      documentId,
      ...(locale ? { locale } : {}),
      populate: ['createdBy'] as never,
    })) as (Record<string, unknown> & { locale?: string | null }) | null;
    if (!entry || !checker.can.read(entry)) throw notFound;
    return { target: { uid, documentId, locale: entry.locale ?? null }, entry, checker };
  };

  return {
    /** Scores a text: SEO and readability, each assessment with what to do. */
    async analyze(ctx: Context) {
      const body = parseInput(analyzeBody, ctx.request.body);
      ctx.body = { data: await getService(strapi, 'seo').analyze(body) };
    },

    /** The collection types, whether each is analysed and how its fields map. */
    async types(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'seo').types() };
    },

    /** An entry's stored report (null before its first analysis). */
    async report(ctx: Context) {
      const { locale } = parseInput(reportQuery, ctx.query, 'query');
      const { target } = await readableTarget(ctx, locale);
      ctx.body = { data: await getService(strapi, 'seo').report(target) };
    },

    /** Every analysed entry of a type in a locale the user may read, with the charts' figures. */
    async overview(ctx: Context) {
      const query = parseInput(overviewQuery, ctx.query, 'query');
      const readable = await readableIds(ctx, query.uid, query.locale);
      ctx.body = await getService(strapi, 'seo').overview(query, readable);
    },

    /** "Re-analyse all": a job over every entry of the type in the locale (202). */
    async reanalyze(ctx: Context) {
      const body = parseInput(reanalyzeBody, ctx.request.body);
      await readableIds(ctx, body.uid, body.locale);
      ctx.status = 202;
      ctx.body = {
        data: await getService(strapi, 'seo').startRun(body.uid, body.locale, ctx.state.user.id),
      };
    },

    /** Sets the entry's focus keyphrase and synonyms (as an edit of it), and answers the fresh report. */
    async focus(ctx: Context) {
      const body = parseInput(focusBody, ctx.request.body);
      const { target, entry, checker } = await readableTarget(ctx, body.locale);
      // The focus is part of editing the entry: the content manager's Update permission decides.
      // A PolicyError, not a ForbiddenError: Strapi replaces the latter's message with "Forbidden".
      if (!checker.can.update(entry)) {
        throw new errors.PolicyError(
          'You may read this entry but not edit it: setting its focus keyphrase needs the content manager\'s "Update" permission.',
        );
      }
      ctx.body = {
        data: await getService(strapi, 'seo').analyzeEntry(target, {
          keyphrase: body.keyphrase,
          synonyms: body.synonyms,
        }),
      };
    },
  };
};

export default seoController;
