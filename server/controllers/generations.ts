import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createPromptGenerationBody, listGenerationsQuery } from '../../contracts/generations';
import { jobIdParams } from '../../contracts/jobs';
import {
  continueBlogBody,
  regenerateSectionBody,
  saveDraftBody,
  sectionParams,
} from '../../contracts/writers';
import { ACTIONS, uidOf, type ActionName } from '../../contracts/permissions';
import { GENERATION_UID } from '../repositories/generations';
import { eitherScope, scopeOf } from '../utils/permission-scope';
import { answerStreamed } from '../utils/streamed-answer';
import { streamJobEvents } from './jobs';
import { getService } from '../utils/services';
import { assertNoBody, parseInput } from '../utils/validate';

const documentIdOf = (ctx: Context) =>
  parseInput(jobIdParams, { id: ctx.params.documentId }, 'documentId').id;

/** The admin user and their abilities, as the content manager checks them. */
const editorOf = (ctx: Context) => ({
  user: ctx.state.user as { id: number; roles?: { id: number }[] },
  userAbility: ctx.state.userAbility as unknown,
});

/**
 * Every route on one run reaches only the runs the user's role conditions allow for the route's
 * action ("Is creator" for Authors by default); any other run answers 404, as if it did not exist.
 */
const generationsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const scope = (ctx: Context, action: ActionName) => scopeOf(strapi, ctx, action, GENERATION_UID);

  return {
    /** The history: filter by kind, status, author, dates and title; newest first. */
    async find(ctx: Context) {
      ctx.body = await getService(strapi, 'generations').list(
        parseInput(listGenerationsQuery, ctx.query, 'query'),
        scope(ctx, ACTIONS.generationsRead),
      );
    },

    async findOne(ctx: Context) {
      ctx.body = {
        data: await getService(strapi, 'generations').get(
          documentIdOf(ctx),
          scope(ctx, ACTIONS.generationsRead),
        ),
      };
    },

    /**
     * The queued run's progress as the Jobs page sees it, for whoever may read the history: a
     * writer follows their blog post without needing the Jobs permissions.
     */
    async events(ctx: Context) {
      await streamJobEvents(strapi, ctx, documentIdOf(ctx), scope(ctx, ACTIONS.generationsRead));
    },

    /** Stops a queued run: one the user may write with, or any run for whoever manages jobs. */
    async cancel(ctx: Context) {
      assertNoBody(ctx.request.body);
      const manages = (ctx.state.userAbility as { can(action: string): boolean }).can(
        uidOf(ACTIONS.jobsManage),
      );
      const reach = manages
        ? eitherScope(scope(ctx, ACTIONS.writerUse), scope(ctx, ACTIONS.jobsManage))
        : scope(ctx, ACTIONS.writerUse);
      ctx.body = { data: await getService(strapi, 'jobs').cancel(documentIdOf(ctx), reach) };
    },

    /** Two-step blog: writes the sections from the (edited) outline; follow the job again. */
    async continue(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const body = parseInput(continueBlogBody, ctx.request.body);
      await getService(strapi, 'blog-writer').continueFromOutline(
        documentId,
        body,
        ctx.state.user.id,
        scope(ctx, ACTIONS.writerUse),
      );
      ctx.status = 202;
      ctx.body = { data: { documentId, status: 'queued' } };
    },

    /** Rewrites one section of a finished blog post, streamed when the request accepts it. */
    async regenerateSection(ctx: Context) {
      const { documentId, index } = parseInput(sectionParams, ctx.params, 'params');
      const { instructions } = parseInput(regenerateSectionBody, ctx.request.body);
      await answerStreamed(
        ctx,
        await getService(strapi, 'blog-writer').regenerateSection(
          documentId,
          index,
          instructions,
          ctx.state.user.id,
          scope(ctx, ACTIONS.writerUse),
        ),
      );
    },

    /** "Save as draft": a draft entry of the chosen type, under the editor's own permissions. */
    async save(ctx: Context) {
      const documentId = documentIdOf(ctx);
      const body = parseInput(saveDraftBody, ctx.request.body);
      ctx.status = 201;
      ctx.body = {
        data: await getService(strapi, 'drafts').save(
          documentId,
          body,
          editorOf(ctx),
          scope(ctx, ACTIONS.writerUse),
        ),
      };
    },

    /** Where a generation can be saved: the types this editor may create, with their mappings. */
    async saveTargets(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'drafts').targets(editorOf(ctx)) };
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
  };
};

export default generationsController;
