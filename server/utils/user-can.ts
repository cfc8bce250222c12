import type { Core } from '@strapi/strapi';
import { uidOf, type ActionName } from '../../contracts/permissions';

/**
 * Whether an admin user, active and not blocked, holds a plugin action now: for work done later on their behalf
 * (a board session, a recurring audit), where no request carries their ability.
 */
export const userCan = async (
  strapi: Core.Strapi,
  userId: number,
  action: ActionName,
): Promise<boolean> => {
  const user = await strapi.db
    .query('admin::user')
    .findOne({ where: { id: userId }, populate: ['roles'] });
  // As Strapi itself judges a user: active and not blocked.
  if (!user?.isActive || user.blocked === true) return false;
  const ability = await strapi.service('admin::permission').engine.generateUserAbility(user);
  return ability.can(uidOf(action));
};
