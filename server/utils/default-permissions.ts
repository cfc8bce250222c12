import type { Core } from '@strapi/strapi';
import { DEFAULT_ROLE_GRANTS, PLUGIN_ID, uidOf } from '../permissions';

const STORE_KEY = 'default-permissions-granted';

/** Grants the Editor and Author roles their defaults once; admins' later changes are kept. */
export const grantDefaultPermissions = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  if (await store.get({})) return;
  const roleService = strapi.service('admin::role');
  const permissionService = strapi.service('admin::permission');
  for (const [code, actions] of Object.entries(DEFAULT_ROLE_GRANTS)) {
    const role = await roleService.findOne({ code });
    if (!role) continue;
    const existing = await permissionService.findMany({ where: { role: { id: role.id } } });
    const held = new Set(existing.map((permission: { action: string }) => permission.action));
    const missing = actions.map(uidOf).filter((action) => !held.has(action));
    if (missing.length) {
      await permissionService.createMany(missing.map((action) => ({ action, role: role.id, subject: null, properties: {}, conditions: [] })));
    }
  }
  await store.set({ value: { at: new Date().toISOString() } });
};
