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
import { readableEntry, readableIds } from '../utils/readable-entry';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

const seoController = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The entry a report route names, if this user may read it (a 404 otherwise). */
  const readableTarget = (ctx: Context, locale: string | undefined) => {
    // Only the route's own parameters: the router may add numbered captures beside them.
    const { uid, entryId } = parseInput(
      reportParams,
      { uid: ctx.params.uid, entryId: ctx.params.entryId },
      'path',
    );
    return readableEntry(strapi, ctx.state.userAbility, { uid, documentId: entryId, locale });
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
      const readable = await readableIds(strapi, ctx.state.userAbility, query.uid, query.locale);
      ctx.body = await getService(strapi, 'seo').overview(query, readable);
    },

    /** "Re-analyse all": a job over every entry of the type in the locale (202). */
    async reanalyze(ctx: Context) {
      const body = parseInput(reanalyzeBody, ctx.request.body);
      await readableIds(strapi, ctx.state.userAbility, body.uid, body.locale);
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
