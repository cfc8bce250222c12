import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ACTIONS, ACTION_DEFINITIONS, PLUGIN_ID, adminPermission } from '../contracts/permissions';
import { PluginIcon } from './components/PluginIcon';
import { WriteWithAiAction } from './components/rewrite/WriteWithAiAction';
import { MetaAction } from './components/seo/MetaAction';
import { SeoPanel } from './components/seo/SeoPanel';
import en from './translations/en.json';
import { msg, prefixTranslations } from './utils/translations';

/** Anyone holding one of the panel actions sees the menu link; each page checks its own. */
const panelPermissions = ACTION_DEFINITIONS.filter(({ section }) => section === 'plugins').flatMap(
  ({ action }) => adminPermission(action),
);

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: msg('plugin.name'),
      Component: () => import('./pages/App'),
      permissions: panelPermissions,
    });
    app.addSettingsLink({ id: PLUGIN_ID, intlLabel: msg('settings.section') }, [
      {
        id: `${PLUGIN_ID}-providers`,
        to: PLUGIN_ID,
        intlLabel: msg('settings.link'),
        Component: () => import('./pages/settings/SettingsPage'),
        permissions: adminPermission(ACTIONS.settingsRead),
      },
      {
        id: `${PLUGIN_ID}-seo-types`,
        // Not under the providers page's path: the settings menu marks a link active by prefix.
        to: `${PLUGIN_ID}-seo-types`,
        intlLabel: msg('seo.settings.link'),
        Component: () => import('./pages/settings/SeoTypesPage'),
        permissions: adminPermission(ACTIONS.settingsRead),
      },
      {
        id: `${PLUGIN_ID}-chat`,
        // Like the SEO page's: a sibling of the providers page, and a prefix of no other link.
        to: `${PLUGIN_ID}-chat`,
        intlLabel: msg('chat.settings.link'),
        Component: () => import('./pages/settings/chat/ChatSettingsPage'),
        permissions: adminPermission(ACTIONS.settingsRead),
      },
    ]);
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  /** The Content Manager's APIs are there once every plugin has registered. */
  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager')?.apis as
      Partial<ContentManagerPlugin['config']['apis']> | undefined;
    // Another Strapi version may not offer it: the plugin's own pages still work without it.
    apis?.addDocumentAction?.((actions) => [...actions, WriteWithAiAction, MetaAction]);
    apis?.addEditViewSidePanel?.((panels) => [...panels, SeoPanel]);
  },

  // English ships with the bundle (it is also every message's default); other locales fall back to it.
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({
      locale,
      data: locale === 'en' ? prefixTranslations(en) : {},
    }));
  },
};
