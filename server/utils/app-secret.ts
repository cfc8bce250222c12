import type { Core } from '@strapi/strapi';

/** The app's own secret material: the admin encryption key, else its APP_KEYS. */
export const appSecret = (strapi: Core.Strapi): string =>
  strapi.config.get<string>('admin.secrets.encryptionKey') ||
  (strapi.config.get<string[]>('server.app.keys') ?? []).join(',');
