import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/services';

const usageController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The caller's tokens today and what is left of their quota. */
  async me(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'usage').today(ctx.state.user.id) };
  },
});

export default usageController;
