import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS, PLUGIN_ID } from '../contracts/permissions';
import { registerEntryChanges } from './lifecycles/entry-changes';
import { registerMcpTools } from './mcp';
import { pluginConfig } from './utils/plugin-config';

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Fails boot with a message naming the key when the config is wrong.
  pluginConfig(strapi);
  await strapi.service('admin::permission').actionProvider.registerMany(
    ACTION_DEFINITIONS.map(({ action, ...definition }) => ({
      uid: action,
      pluginName: PLUGIN_ID,
      ...definition,
    })),
  );
  registerMcpTools(strapi);
  registerEntryChanges(strapi);
};

export default register;
