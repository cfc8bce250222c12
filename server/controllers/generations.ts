import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createPromptGenerationBody, listGenerationsQuery } from '../../contracts/generations';
import { jobIdParams } from '../../contracts/jobs';
import { getService } from '../utils/services';
import { parseInput } from '../utils/validate';

const generationsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The history: filter by kind, status, author, dates and title; newest first. */
  async find(ctx: Context) {
    ctx.body = await getService(strapi, 'generations').list(
      parseInput(listGenerationsQuery, ctx.query, 'query'),
    );
  },

  async findOne(ctx: Context) {
    const { id } = parseInput(jobIdParams, { id: ctx.params.documentId }, 'documentId');
    ctx.body = { data: await getService(strapi, 'generations').get(id) };
  },

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
