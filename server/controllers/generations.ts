import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createPromptGenerationBody } from '../../contracts/generations';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

const generationsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Long work: answers 202 with the generation's id; follow it on /alwrity/jobs/:id. */
  async create(ctx: Context) {
    const input = parseInput(createPromptGenerationBody, ctx.request.body);
    const generation = await getService(strapi, 'generations').createPrompt(
      input,
      ctx.state.user.id,
    );
    ctx.status = 202;
    ctx.body = { data: { documentId: generation.documentId, status: 'queued' } };
  },
});

export default generationsController;
