import type { Core } from '@strapi/strapi';
import { uidOf, type ActionName } from '../../contracts/permissions';

/**
 * An admin user's abilities now, or null when Strapi would not let them in (inactive or
 * blocked): for work done later on their behalf, where no request carries their ability.
 */
export const abilityOf = async (strapi: Core.Strapi, userId: number) => {
  const user = await strapi.db
    .query('admin::user')
    .findOne({ where: { id: userId }, populate: ['roles'] });
  if (!user?.isActive || user.blocked === true) return null;
  return strapi.service('admin::permission').engine.generateUserAbility(user) as Promise<{
    can(action: string, subject?: unknown): boolean;
  }>;
};

/** Whether an admin user holds a plugin action now (a board session, a recurring audit). */
export const userCan = async (
  strapi: Core.Strapi,
  userId: number,
  action: ActionName,
): Promise<boolean> => {
  const ability = await abilityOf(strapi, userId);
  return ability?.can(uidOf(action)) ?? false;
};
