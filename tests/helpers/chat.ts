import type { IndexView } from '../../contracts/chat';
import type { TestApp } from './strapi';

/** Turns the content index on or off for types, as an admin does in settings. */
export const indexTypes = async (app: TestApp, types: Record<string, boolean>) =>
  (
    await app
      .as('superAdmin')
      .put('/alwrity/chat/index', {
        types: Object.fromEntries(
          Object.entries(types).map(([uid, enabled]) => [uid, { enabled }]),
        ),
      })
      .expect(200)
  ).body.data as IndexView;
