import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { analyzeBody } from '../../contracts/seo';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

const seoController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Scores a text: SEO and readability, each assessment with what to do. */
  async analyze(ctx: Context) {
    const body = parseInput(analyzeBody, ctx.request.body);
    ctx.body = { data: await getService(strapi, 'seo').analyze(body) };
  },
});

export default seoController;
