import { PLUGIN_ID, uidOf, type ActionName } from '../permissions';

/**
 * Every admin route: an authenticated admin holding exactly one plugin action, answered with a
 * 503 when this process cannot serve it.
 */
export const requires = (action: ActionName) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [uidOf(action)] } },
  ],
  middlewares: [`plugin::${PLUGIN_ID}.availability`],
});
