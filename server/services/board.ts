import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIONS, PLUGIN_ID } from '../../contracts/permissions';
import type { QueueBoard } from '../queue/board';
import { redisConnection } from '../queue/redis-connection';
import { appSecret } from '../utils/app-secret';
import { deriveKey, sign, verify } from '../utils/crypto';
import { pluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/services';
import { userCan } from '../utils/user-can';

export const BOARD_PATH = `/${PLUGIN_ID}/board`;
export const BOARD_COOKIE = 'alwrity_board';
export const BOARD_SESSION_MS = 15 * 60 * 1000;

interface SessionClaims {
  userId: number;
  sessionId: string;
  expiresAt: number;
}

/**
 * The bull-board page is a browser app of its own: its requests cannot carry the admin's bearer
 * token. A short-lived signed cookie, bound to the admin session that asked for it, stands in.
 */
const boardService = ({ strapi }: { strapi: Core.Strapi }) => {
  let key: Buffer | undefined;
  const sessionKey = () => (key ??= deriveKey(appSecret(strapi), 'queue-board-session-v1'));
  let board: Promise<QueueBoard> | undefined;

  const redis = () => redisConnection(pluginConfig(strapi).redis);

  const readClaims = (cookie: string | undefined): SessionClaims | undefined => {
    const payload = cookie ? verify(cookie, sessionKey()) : undefined;
    if (!payload) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
    return claims.expiresAt > Date.now() ? claims : undefined;
  };

  return {
    /** A cookie value for this admin session, or a clear error when there is no board to show. */
    issueSession(userId: number, sessionId: string): { value: string; expiresAt: number } {
      if (!redis()) {
        throw new errors.ApplicationError(
          'The queue dashboard needs Redis: without it, jobs run in this process and the Jobs page shows them all.',
        );
      }
      const claims: SessionClaims = { userId, sessionId, expiresAt: Date.now() + BOARD_SESSION_MS };
      return {
        value: sign(Buffer.from(JSON.stringify(claims)).toString('base64url'), sessionKey()),
        expiresAt: claims.expiresAt,
      };
    },

    /** True while the cookie is genuine, unexpired, its admin session alive and jobs.read held. */
    async authorize(cookie: string | undefined): Promise<boolean> {
      const claims = readClaims(cookie);
      if (!claims) return false;
      if (!(await strapi.sessionManager('admin').isSessionActive(claims.sessionId))) return false;
      return userCan(strapi, claims.userId, ACTIONS.jobsRead);
    },

    /** Built on first use: bull-board and its Koa stack are not loaded at boot. */
    async middleware() {
      const connection = redis();
      if (!connection) throw new errors.NotFoundError('The queue dashboard needs Redis.');
      board ??= import('../queue/board').then(({ createQueueBoard }) =>
        createQueueBoard({
          basePath: BOARD_PATH,
          queueNames: getService(strapi, 'jobs').queueNames(),
          ...connection,
        }),
      );
      return (await board).middleware;
    },

    async close() {
      const pending = board;
      board = undefined;
      await (await pending)?.close();
    },
  };
};

export default boardService;
export type BoardService = ReturnType<typeof boardService>;
