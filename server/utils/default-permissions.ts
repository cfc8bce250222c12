import type { Core } from '@strapi/strapi';
import { DEFAULT_ROLE_GRANTS, PLUGIN_ID, uidOf } from '../../contracts/permissions';

/** Which default grants were already made, per role: each is made once, so admins' edits stay. */
const STORE_KEY = 'default-permissions';
/** What the first versions stored: every default of that time was granted. */
const LEGACY_STORE_KEY = 'default-permissions-granted';

type Granted = Record<string, string[]>;
type RoleCode = keyof typeof DEFAULT_ROLE_GRANTS;

const isRoleCode = (code: unknown): code is RoleCode =>
  typeof code === 'string' && code in DEFAULT_ROLE_GRANTS;

/**
 * Gives the Editor and Author roles the plugin's default actions, conditions included, once
 * each: an action an admin removed or re-conditioned is left as they set it, and an action added
 * in a later version is granted the first time that version boots.
 *
 * The plugins boot before the admin, which only then registers its conditions and, on a new
 * app, creates the default roles. So the rows are written as the role editor would store them
 * (not through `addPermissions`, which would drop a condition it does not know yet), and a role
 * the admin creates later in this boot gets its grants as it is created.
 */
export const grantDefaultPermissions = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  const legacy = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: LEGACY_STORE_KEY });

  const grantedSoFar = async (): Promise<Granted> => {
    const granted = (await store.get({})) as Granted | null;
    if (granted) return granted;
    // Installed by a version that granted everything at once: all of today's actions but new ones.
    if (!(await legacy.get({}))) return {};
    return Object.fromEntries(
      Object.entries(DEFAULT_ROLE_GRANTS).map(([code, grants]) => [
        code,
        grants.map(({ action }) => uidOf(action)),
      ]),
    );
  };

  const grantTo = async (role: { id: number; code: RoleCode }) => {
    const granted = await grantedSoFar();
    const done = new Set(granted[role.code] ?? []);
    const held = new Set(
      (
        (await strapi.db
          .query('admin::permission')
          .findMany({ where: { role: { id: role.id } }, select: ['action'] })) as {
          action: string;
        }[]
      ).map((permission) => permission.action),
    );
    const missing = DEFAULT_ROLE_GRANTS[role.code].filter(
      ({ action }) => !done.has(uidOf(action)) && !held.has(uidOf(action)),
    );
    if (missing.length) {
      await strapi.service('admin::permission').createMany(
        missing.map(({ action, conditions }) => ({
          action: uidOf(action),
          actionParameters: {},
          subject: null,
          properties: {},
          conditions: [...conditions],
          role: role.id,
        })),
      );
    }
    await store.set({
      value: {
        ...granted,
        [role.code]: DEFAULT_ROLE_GRANTS[role.code].map(({ action }) => uidOf(action)),
      },
    });
  };

  strapi.db.lifecycles.subscribe({
    models: ['admin::role'],
    async afterCreate(event) {
      const role = event.result as { id: number; code?: string };
      if (isRoleCode(role.code)) await grantTo({ id: role.id, code: role.code });
    },
  });
  for (const code of Object.keys(DEFAULT_ROLE_GRANTS) as RoleCode[]) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code } })) as {
      id: number;
    } | null;
    if (role) await grantTo({ id: role.id, code });
  }
};
