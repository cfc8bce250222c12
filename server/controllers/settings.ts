import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { testConnectionBody, updateSettingsBody } from '../../contracts/settings';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

const settingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'settings').view() };
  },
  async update(ctx: Context) {
    const body = parseInput(updateSettingsBody, ctx.request.body);
    ctx.body = { data: await getService(strapi, 'settings').update(body) };
  },
  async testConnection(ctx: Context) {
    const { provider } = parseInput(testConnectionBody, ctx.request.body);
    ctx.body = {
      data: await getService(strapi, 'ai').testConnection(provider, ctx.state.user?.id),
    };
  },
});

export default settingsController;
