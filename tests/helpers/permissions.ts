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

/**
 * A user who may use the chatbot and read English Articles (their own only with "Is creator"),
 * nothing else: the reader whose retrieval the permission tests check.
 */
export const articleReader = (strapi: Core.Strapi, name: string, conditions: string[] = []) =>
  createUser(strapi, name, {
    permissions: [
      { action: 'plugin::alwrity.chat.use' },
      {
        action: 'plugin::content-manager.explorer.read',
        subject: 'api::article.article',
        properties: { locales: ['en'] },
        conditions,
      },
    ],
  });
