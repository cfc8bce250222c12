import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { uidOf, type ActionName } from '../../contracts/permissions';

/**
 * What a user's role lets them reach of a plugin content type for one action, as a query to AND
 * into every read: the conditions an admin set in the role editor ("Is creator", "Has same role
 * as creator"), applied the way the upload plugin applies them to files. `{}` reaches everything.
 */
export type Scope = Record<string, unknown>;

/** No document: the role holds the action under no rule that reaches this type. */
const NOTHING: Scope = { id: { $null: true } };

interface PermissionsManager {
  getQuery(): Scope | null;
}

/** The scope of an ability a request does not carry (work done for a user later). */
export const scopeFor = (
  strapi: Core.Strapi,
  ability: unknown,
  action: ActionName,
  model: string,
): Scope => {
  const manager = strapi.service('admin::permission').createPermissionsManager({
    ability,
    action: uidOf(action),
    model,
  }) as PermissionsManager;
  return manager.getQuery() ?? NOTHING;
};

export const scopeOf = (
  strapi: Core.Strapi,
  ctx: Context,
  action: ActionName,
  model: string,
): Scope => scopeFor(strapi, ctx.state.userAbility, action, model);

/** What either of two actions reaches (e.g. a run's author, or whoever manages jobs). */
export const eitherScope = (a: Scope, b: Scope): Scope =>
  Object.keys(a).length === 0 || Object.keys(b).length === 0 ? {} : { $or: [a, b] };
