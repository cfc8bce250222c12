import type { Core } from '@strapi/strapi';
import type { Attributes, ComponentLookup } from '../../analysis/seo/entry';

/** A user's content type as the plugin reads it. */
export interface ContentType {
  uid: string;
  kind: string;
  info: { displayName: string };
  attributes: Attributes;
  pluginOptions?: { i18n?: { localized?: boolean } };
  options?: { draftAndPublish?: boolean };
}

/** The app's own collection types (`api::`), the ones the plugin's features work on. */
export const collectionTypes = (strapi: Core.Strapi) =>
  (Object.values(strapi.contentTypes) as unknown as ContentType[]).filter(
    (type) => type.uid.startsWith('api::') && type.kind === 'collectionType',
  );

export const componentLookup =
  (strapi: Core.Strapi): ComponentLookup =>
  (uid: string) =>
    (strapi.components as unknown as Record<string, { attributes: Attributes }>)[uid]?.attributes;
