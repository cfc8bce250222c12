import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { z } from 'zod';
import type { ActionName } from '../../contracts/permissions';
import { scopeOf, type Scope } from '../utils/permission-scope';
import type { Actor } from '../utils/readable-entry';
import { assertNoBody, parseInput } from '../utils/validate';

interface CollectionService<Q, C, U> {
  list(query: Q, scope?: Scope): Promise<unknown>;
  create(body: C, actor: Actor): Promise<unknown>;
  update(documentId: string, body: U, scope: Scope, actor: Actor): Promise<unknown>;
  remove(documentId: string, scope?: Scope): Promise<void>;
}

/**
 * The handlers `collectionRoutes` names, for a plugin content type: reading follows `read`'s
 * conditions, changing `manage`'s, and a document outside them answers 404.
 */
export const collectionController = <Q, C, U>(options: {
  strapi: Core.Strapi;
  uid: string;
  read: ActionName;
  manage: ActionName;
  service: () => CollectionService<Q, C, U>;
  /** What a request reaches, when it is narrower than the role's conditions. */
  scope?: (ctx: Context, action: ActionName) => Scope;
  schemas: {
    query: z.ZodType<Q>;
    create: z.ZodType<C>;
    update: z.ZodType<U>;
    params: z.ZodType<{ documentId: string }>;
  };
}) => {
  const { strapi, uid, schemas, service } = options;
  const scope =
    options.scope ?? ((ctx: Context, action: ActionName) => scopeOf(strapi, ctx, action, uid));
  const idOf = (ctx: Context) => parseInput(schemas.params, ctx.params, 'params').documentId;
  const actorOf = (ctx: Context): Actor => ({
    id: ctx.state.user.id,
    ability: ctx.state.userAbility,
  });

  return {
    async find(ctx: Context) {
      ctx.body = await service().list(
        parseInput(schemas.query, ctx.query, 'query'),
        scope(ctx, options.read),
      );
    },

    async create(ctx: Context) {
      const body = parseInput(schemas.create, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await service().create(body, actorOf(ctx)) };
    },

    async update(ctx: Context) {
      const documentId = idOf(ctx);
      const body = parseInput(schemas.update, ctx.request.body);
      ctx.body = {
        data: await service().update(documentId, body, scope(ctx, options.manage), actorOf(ctx)),
      };
    },

    async delete(ctx: Context) {
      const documentId = idOf(ctx);
      assertNoBody(ctx.request.body);
      await service().remove(documentId, scope(ctx, options.manage));
      ctx.status = 204;
    },
  };
};
