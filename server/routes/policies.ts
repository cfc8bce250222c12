import { PLUGIN_ID, uidOf, type ActionName } from '../../contracts/permissions';

/**
 * Every admin route: an authenticated admin holding exactly one plugin action, with the plugin's
 * own error statuses (502, 503).
 */
export const requires = (action: ActionName) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [uidOf(action)] } },
  ],
  middlewares: [`plugin::${PLUGIN_ID}.plugin-errors`],
});
