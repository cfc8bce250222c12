import { useAuth } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import { uidOf, type ActionName } from '../../contracts/permissions';

/**
 * Which plugin actions the signed-in user holds. `useRBAC` keys its answer by the action's last
 * word (`canRead`), which collides for `jobs.read` and `settings.read`; full uids do not.
 */
export const usePermissions = () => {
  const permissions = useAuth('Alwrity', (state) => state.permissions);
  return useMemo(() => {
    const held = new Set(permissions.map((permission) => permission.action));
    return { can: (action: ActionName) => held.has(uidOf(action)) };
  }, [permissions]);
};
