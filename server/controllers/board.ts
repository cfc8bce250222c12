import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { BoardSession } from '../../contracts/jobs';
import { BOARD_COOKIE, BOARD_PATH } from '../services/board';
import { getService } from '../utils/services';
import { assertNoBody } from '../utils/validate';

const boardController = ({ strapi }: { strapi: Core.Strapi }) => {
  const board = () => getService(strapi, 'board');

  return {
    /** Opens a board session for this admin (jobs.read): a cookie only the board's path sees. */
    async session(ctx: Context) {
      assertNoBody(ctx.request.body);
      const { value, expiresAt } = board().issueSession(ctx.state.user.id, ctx.state.session?.id);
      ctx.cookies.set(BOARD_COOKIE, value, {
        httpOnly: true,
        sameSite: 'strict',
        path: BOARD_PATH,
        secure: ctx.request.secure,
        expires: new Date(expiresAt),
      });
      const data: BoardSession = {
        url: `${BOARD_PATH}/`,
        expiresAt: new Date(expiresAt).toISOString(),
      };
      ctx.body = { data };
    },

    /** Serves bull-board (read-only) to a holder of a live board session. */
    async serve(ctx: Context, next: Next) {
      if (!(await board().authorize(ctx.cookies.get(BOARD_COOKIE)))) {
        ctx.status = 401;
        ctx.body = {
          data: null,
          error: {
            status: 401,
            name: 'UnauthorizedError',
            message: 'Open the queue dashboard from the Jobs page in the Strapi admin.',
            details: {},
          },
        };
        return;
      }
      const middleware = await board().middleware();
      await middleware(ctx as never, next);
    },
  };
};

export default boardController;
