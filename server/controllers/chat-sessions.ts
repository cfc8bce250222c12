import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  createSessionBody,
  proposalParams,
  sendMessageBody,
  sessionParams,
  sessionsQuery,
  updateSessionBody,
} from '../../contracts/chat';
import { ACTIONS } from '../../contracts/permissions';
import type { ChatActor } from '../chat/tool-runner';
import { CHAT_SESSION_UID } from '../repositories/chat-conversations';
import { scopeOf } from '../utils/permission-scope';
import { getService } from '../utils/services';
import { answerStreamed } from '../utils/streamed-answer';
import { assertNoBody, parseInput } from '../utils/validate';
import { collectionController } from './collection';

/** Conversations with the content chatbot, under chat.use (its conditions decide whose). */
const chatSessionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const chat = () => getService(strapi, 'chat');
  // A conversation is its author's alone, whatever the role may reach: it quotes entries only
  // they may read. The role's conditions can narrow that, never widen it.
  const scope = (ctx: Context) => ({
    $and: [
      scopeOf(strapi, ctx, ACTIONS.chatUse, CHAT_SESSION_UID),
      { createdBy: { id: ctx.state.user.id } },
    ],
  });
  const sessionIdOf = (ctx: Context) => parseInput(sessionParams, ctx.params, 'params').documentId;
  const proposalIdOf = (ctx: Context) => parseInput(proposalParams, ctx.params, 'params').id;
  const actorOf = (ctx: Context): ChatActor => ({
    id: ctx.state.user.id,
    ability: ctx.state.userAbility,
    user: ctx.state.user,
  });

  return {
    ...collectionController({
      strapi,
      uid: CHAT_SESSION_UID,
      read: ACTIONS.chatUse,
      manage: ACTIONS.chatUse,
      service: chat,
      scope,
      schemas: {
        query: sessionsQuery,
        create: createSessionBody,
        update: updateSessionBody,
        params: sessionParams,
      },
    }),

    async findOne(ctx: Context) {
      ctx.body = { data: await chat().get(sessionIdOf(ctx), scope(ctx)) };
    },

    /** Streamed as `text/event-stream` when accepted; otherwise every message of the turn. */
    async send(ctx: Context) {
      const documentId = sessionIdOf(ctx);
      const body = parseInput(sendMessageBody, ctx.request.body);
      const actor = actorOf(ctx);
      const turn = await chat().prepare(documentId, body, actor, scope(ctx));
      await answerStreamed(ctx, (call) => chat().send(turn, body, actor, call));
    },

    async confirm(ctx: Context) {
      const id = proposalIdOf(ctx);
      assertNoBody(ctx.request.body);
      ctx.body = { data: await chat().confirm(id, actorOf(ctx), scope(ctx)) };
    },

    async discard(ctx: Context) {
      const id = proposalIdOf(ctx);
      assertNoBody(ctx.request.body);
      ctx.body = { data: await chat().discard(id, scope(ctx)) };
    },
  };
};

export default chatSessionsController;
