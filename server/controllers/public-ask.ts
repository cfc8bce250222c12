import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { askBody } from '../../contracts/chat';
import { getService } from '../utils/services';
import { answerStreamed } from '../utils/streamed-answer';
import { parseInput } from '../utils/validate';

/**
 * `POST /api/alwrity/ask`: the site assistant on the Content API, reached only by roles and API
 * tokens granted its users-permissions action (Settings → Users & Permissions → Roles).
 */
const publicAskController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ask(ctx: Context) {
    const body = parseInput(askBody, ctx.request.body);
    const assistant = getService(strapi, 'chat-public');
    const user = ctx.state.user as { id?: number } | undefined;
    const settings = await assistant.admit(body, {
      ip: ctx.request.ip,
      userId: typeof user?.id === 'number' ? user.id : null,
    });
    await answerStreamed(ctx, (call) => assistant.ask(body, settings, call));
  },
});

export default publicAskController;
