import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  altTextBody,
  contentGapBody,
  keywordsBody,
  structuredDataBody,
  typeParams,
  typeSettingBody,
  type EntryRefInput,
} from '../../contracts/seo-tools';
import { entryReader, readableEntry } from '../utils/readable-entry';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

/**
 * The SEO tools. A tool given an entry reads it only if the content manager lets this user read
 * it (404 otherwise), and only the fields they may read; TF-IDF compares only with entries (and
 * fields) they may read.
 */
const seoToolsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const tools = () => getService(strapi, 'seo-tools');
  const subjectOf = async (ctx: Context, ref: EntryRefInput) => {
    const { target, sanitize } = await readableEntry(strapi, ctx.state.userAbility, ref);
    return { target, reader: { sanitize } };
  };
  const optionalSubject = (ctx: Context, ref: EntryRefInput | undefined) =>
    ref ? subjectOf(ctx, ref) : Promise.resolve(null);

  return {
    async keywords(ctx: Context) {
      const body = parseInput(keywordsBody, ctx.request.body);
      const subject = await optionalSubject(ctx, body.entry);
      const uid = body.compareWith ?? subject?.target.uid;
      let compare = null;
      if (uid) {
        const locale =
          subject?.target.locale ?? (await getService(strapi, 'seo').localeFor(uid, body.locale));
        compare = { uid, locale, reader: await entryReader(strapi, ctx.state.userAbility, uid) };
      }
      ctx.body = { data: await tools().keywords(subject, body, compare) };
    },

    async contentGap(ctx: Context) {
      const body = parseInput(contentGapBody, ctx.request.body);
      ctx.body = { data: await tools().contentGap(await optionalSubject(ctx, body.entry), body) };
    },

    async structuredData(ctx: Context) {
      const body = parseInput(structuredDataBody, ctx.request.body);
      ctx.body = { data: await tools().structuredData(await subjectOf(ctx, body.entry), body) };
    },

    async altText(ctx: Context) {
      const body = parseInput(altTextBody, ctx.request.body);
      ctx.body = {
        data: await tools().altText(await subjectOf(ctx, body.entry), ctx.state.user.id),
      };
    },

    /** The SEO settings of one type: analysed or not, and its field mapping. */
    async setType(ctx: Context) {
      const { uid } = parseInput(typeParams, { uid: ctx.params.uid }, 'path');
      const body = parseInput(typeSettingBody, ctx.request.body);
      ctx.body = { data: await getService(strapi, 'seo').setType(uid, body) };
    },
  };
};

export default seoToolsController;
