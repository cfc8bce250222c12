import { uidOf, type ActionName } from '../permissions';

/** Every admin route: an authenticated admin holding exactly one plugin action. */
export const requires = (action: ActionName) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [uidOf(action)] } },
  ],
});
