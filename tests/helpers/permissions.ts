import type { Core } from '@strapi/strapi';
import { createUser } from './strapi';

/**
 * What an administrator does by ticking locales on a role's content-manager permission: the
 * test roles are created before i18n lists any locale on them.
 */
export const allowLocales = async (
  strapi: Core.Strapi,
  roleCode: string,
  action: 'create' | 'read' | 'update',
  subject: string,
  locales: string[],
) => {
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  const permission = await strapi.db.query('admin::permission').findOne({
    where: { role: role.id, action: `plugin::content-manager.explorer.${action}`, subject },
  });
  if (!permission) throw new Error(`${roleCode} has no ${action} permission on ${subject}`);
  await strapi.db.query('admin::permission').update({
    where: { id: permission.id },
    data: { properties: { ...permission.properties, locales } },
  });
};

const articleRead = (conditions: string[], fields?: string[]) => ({
  action: 'plugin::content-manager.explorer.read',
  subject: 'api::article.article',
  properties: { locales: ['en'], ...(fields ? { fields } : {}) },
  conditions,
});

/**
 * A user who may use the chatbot and read English Articles (their own only with "Is creator";
 * only some fields with `fields`), nothing else: the reader whose retrieval the permission tests
 * check.
 */
export const articleReader = (
  strapi: Core.Strapi,
  name: string,
  conditions: string[] = [],
  fields?: string[],
) =>
  createUser(strapi, name, {
    permissions: [{ action: 'plugin::alwrity.chat.use' }, articleRead(conditions, fields)],
  });

/** Gives a user a second role reading English Articles, as an administrator would. */
export const addArticleRole = async (
  strapi: Core.Strapi,
  userId: number,
  conditions: string[],
  fields?: string[],
) => {
  const roles = strapi.service('admin::role');
  const role = await roles.create({ name: `Articles for ${userId}`, description: 'second role' });
  await roles.addPermissions(role.id, [articleRead(conditions, fields)]);
  const user = await strapi.db
    .query('admin::user')
    .findOne({ where: { id: userId }, populate: ['roles'] });
  await strapi.service('admin::user').updateById(userId, {
    roles: [...(user.roles as { id: number }[]).map((each) => each.id), role.id],
  });
};
