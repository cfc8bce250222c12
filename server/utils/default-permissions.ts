import type { Core } from '@strapi/strapi';
import { DEFAULT_ROLE_GRANTS, PLUGIN_ID, uidOf } from '../../contracts/permissions';

const STORE_KEY = 'default-permissions-granted';

/** Grants the Editor and Author roles their defaults once; admins' later changes are kept. */
export const grantDefaultPermissions = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  if (await store.get({})) return;
  const roleService = strapi.service('admin::role');
  // On a brand-new app the admin's own bootstrap may not have created the default roles yet;
  // this is the same idempotent call it makes.
  await roleService.createRolesIfNoneExist();
  for (const [code, actions] of Object.entries(DEFAULT_ROLE_GRANTS)) {
    const role = await roleService.findOne({ code });
    if (!role) continue;
    const held = new Set(
      (
        await strapi.service('admin::permission').findMany({ where: { role: { id: role.id } } })
      ).map((permission: { action: string }) => permission.action),
    );
    const missing = actions.map(uidOf).filter((action) => !held.has(action));
    if (missing.length)
      await roleService.addPermissions(
        role.id,
        missing.map((action) => ({ action })),
      );
  }
  await store.set({ value: { at: new Date().toISOString() } });
};
