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
import { readableEntry, readableIds } from '../utils/readable-entry';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

/**
 * The SEO tools. A tool given an entry reads it only if the content manager lets this user read
 * it (404 otherwise); TF-IDF compares only with entries they may read.
 */
const seoToolsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const tools = () => getService(strapi, 'seo-tools');
  const targetOf = async (ctx: Context, ref: EntryRefInput | undefined) =>
    ref ? (await readableEntry(strapi, ctx.state.userAbility, ref)).target : null;

  return {
    async keywords(ctx: Context) {
      const body = parseInput(keywordsBody, ctx.request.body);
      const target = await targetOf(ctx, body.entry);
      const uid = body.compareWith ?? target?.uid;
      let compare = null;
      if (uid) {
        const locale =
          target?.locale ?? (await getService(strapi, 'seo').localeFor(uid, body.locale));
        compare = {
          uid,
          locale,
          readable: await readableIds(strapi, ctx.state.userAbility, uid, locale ?? undefined),
        };
      }
      ctx.body = { data: await tools().keywords(target, body, compare) };
    },

    async contentGap(ctx: Context) {
      const body = parseInput(contentGapBody, ctx.request.body);
      ctx.body = { data: await tools().contentGap(await targetOf(ctx, body.entry), body) };
    },

    async structuredData(ctx: Context) {
      const body = parseInput(structuredDataBody, ctx.request.body);
      const { target, entry } = await readableEntry(strapi, ctx.state.userAbility, body.entry);
      ctx.body = { data: await tools().structuredData(target, body, entry) };
    },

    async altText(ctx: Context) {
      const body = parseInput(altTextBody, ctx.request.body);
      const { target } = await readableEntry(strapi, ctx.state.userAbility, body.entry);
      ctx.body = { data: await tools().altText(target, ctx.state.user.id) };
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
