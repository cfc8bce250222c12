import { PLUGIN_ID } from '../../contracts/permissions';

/**
 * The Content API (`/api/alwrity/...`): Strapi's users-permissions decides who may call each
 * route (the Public and Authenticated roles, API tokens), as for the app's own types.
 */
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'POST',
      path: '/ask',
      handler: 'public-ask.ask',
      config: { middlewares: [`plugin::${PLUGIN_ID}.plugin-errors`] },
    },
  ],
};
