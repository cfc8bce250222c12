import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { indexSettingsBody, publicSettingsBody, searchBody } from '../../contracts/chat';
import { getService } from '../utils/services';
import { assertNoBody, parseInput } from '../utils/validate';

/** The content chatbot's index and retrieval. */
const chatController = ({ strapi }: { strapi: Core.Strapi }) => {
  const index = () => getService(strapi, 'chat-index');
  return {
    async search(ctx: Context) {
      const body = parseInput(searchBody, ctx.request.body);
      ctx.body = {
        data: await getService(strapi, 'chat-search').search(
          ctx.state.userAbility,
          body,
          ctx.state.user.id,
        ),
      };
    },

    async index(ctx: Context) {
      ctx.body = { data: await index().view() };
    },

    async updateIndex(ctx: Context) {
      const body = parseInput(indexSettingsBody, ctx.request.body);
      // A type newly indexed (or its fields changed) is read in full, as a job.
      if (await index().setTypes(body)) await index().rebuild(ctx.state.user.id, true);
      ctx.body = { data: await index().view() };
    },

    async publicSettings(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'chat-public').settings() };
    },

    async updatePublicSettings(ctx: Context) {
      const body = parseInput(publicSettingsBody, ctx.request.body);
      ctx.body = { data: await getService(strapi, 'chat-public').setSettings(body) };
    },

    /** "Re-index all": answers 202 with the job's id; follow it on /alwrity/jobs/:id. */
    async rebuild(ctx: Context) {
      assertNoBody(ctx.request.body);
      const { documentId } = await index().rebuild(ctx.state.user.id);
      ctx.status = 202;
      ctx.body = { data: { documentId } };
    },
  };
};

export default chatController;
