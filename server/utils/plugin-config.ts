import type { Core } from '@strapi/strapi';
import { resolveConfig, type PluginConfig } from '../config';
import { PLUGIN_ID } from '../../contracts/permissions';

const cache = new WeakMap<Core.Strapi, PluginConfig>();

/** The validated plugin config (with env defaults), parsed once per Strapi instance. */
export const pluginConfig = (strapi: Core.Strapi): PluginConfig => {
  let config = cache.get(strapi);
  if (!config) {
    config = resolveConfig(strapi.config.get(`plugin::${PLUGIN_ID}`));
    cache.set(strapi, config);
  }
  return config;
};
