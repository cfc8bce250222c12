import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PROVIDER_NAMES, type ProviderName } from '../../contracts/config';
import type { SettingsView, UpdateSettingsBody } from '../../contracts/settings';
import {
  boundProvider,
  describeSettings,
  layersFrom,
  resolveProviders,
  type EffectiveProviders,
  type SavedProvider,
  type SavedSettings,
} from '../ai/provider-settings';
import { appSecret } from '../utils/app-secret';
import { deriveKey, open, seal } from '../utils/crypto';
import { PLUGIN_ID } from '../../contracts/permissions';
import { pluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/services';

/** As stored: keys sealed with AES-256-GCM. */
type StoredSettings = SavedSettings;

const STORE_KEY = 'settings';
const STORED_TTL_MS = 1000;

const settingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  let key: Buffer | undefined;
  const encryptionKey = () => {
    key ??= deriveKey(appSecret(strapi), 'settings-encryption-v1');
    return key;
  };

  // Every model call reads the settings (providers, brand voice) more than once: one read serves
  // them all for a moment. A save here clears it; another process sees it within STORED_TTL_MS.
  let cache: { at: number; value: Promise<StoredSettings> } | undefined;
  const readStored = ({ fresh = false } = {}): Promise<StoredSettings> => {
    if (fresh || !cache || Date.now() - cache.at > STORED_TTL_MS) {
      const value = store()
        .get({})
        .then((found) => (found as StoredSettings | null) ?? {});
      value.catch(() => (cache = undefined));
      cache = { at: Date.now(), value };
    }
    return cache.value;
  };

  const decrypt = (stored: StoredSettings): SavedSettings => {
    const providers: SavedSettings['providers'] = {};
    for (const name of PROVIDER_NAMES) {
      const saved = stored.providers?.[name];
      if (!saved) continue;
      let apiKey: string | undefined;
      try {
        apiKey = saved.apiKey ? open(saved.apiKey, encryptionKey()) : undefined;
      } catch (error) {
        // Secrets rotated since the key was saved: treat it as absent rather than fail every call.
        strapi.log.warn(
          `[alwrity] The saved ${name} API key cannot be decrypted (${(error as Error).message}); save it again.`,
        );
      }
      providers[name] = { ...saved, apiKey };
    }
    return { ...stored, providers };
  };

  const layers = async () =>
    layersFrom(strapi.config.get(`plugin::${PLUGIN_ID}`), process.env, decrypt(await readStored()));

  return {
    /** The saved brand voice, for every writer's prompt. */
    async brandVoice(): Promise<string | undefined> {
      return (await readStored()).brandVoice || undefined;
    },

    async effectiveProviders(): Promise<EffectiveProviders> {
      return resolveProviders(await layers());
    },

    async view(): Promise<SettingsView> {
      return describeSettings(await layers(), {
        driver: getService(strapi, 'jobs').driverKind(),
        worker: pluginConfig(strapi).worker,
      });
    },

    async update(body: UpdateSettingsBody): Promise<SettingsView> {
      const current = await layers();
      const view = describeSettings(current, { driver: 'inline', worker: 'on' });
      const refuse = (field: string, reason = 'set in the server configuration') => {
        throw new errors.ValidationError(`${field}: ${reason}, so it cannot be changed here.`, {
          errors: [{ path: field.split('.'), message: reason }],
        });
      };

      // Merged into what is saved now, not into a moment-old copy another process may have changed.
      const stored = await readStored({ fresh: true });
      const next: StoredSettings = { ...stored, providers: { ...stored.providers } };
      for (const name of PROVIDER_NAMES) {
        const input = body.providers?.[name];
        if (!input) continue;
        const saved: SavedProvider = { ...next.providers![name] };
        const providerView = view.providers[name];
        const baseURLBefore = boundProvider(current, name).baseURL.value ?? '';
        for (const field of ['apiKey', 'baseURL', 'organization'] as const) {
          const value = (input as Record<string, string | null | undefined>)[field];
          if (value === undefined) continue;
          if (providerView[field]?.locked) {
            refuse(
              `providers.${name}.${field}`,
              field !== 'apiKey' && providerView.apiKey.locked
                ? 'locked with the API key set in the server configuration'
                : undefined,
            );
          }
          if (value === null) delete saved[field];
          else saved[field] = field === 'apiKey' ? seal(value, encryptionKey()) : value;
        }
        // A saved key goes only to the base URL it was saved with: moving the URL alone drops it.
        const baseURLAfter =
          boundProvider(
            { ...current, saved: { ...next, providers: { ...next.providers, [name]: saved } } },
            name,
          ).baseURL.value ?? '';
        if (typeof input.apiKey === 'string') saved.keyBaseURL = baseURLAfter;
        else if (!saved.apiKey) delete saved.keyBaseURL;
        else if (baseURLAfter !== (saved.keyBaseURL ?? baseURLBefore)) {
          delete saved.apiKey;
          delete saved.keyBaseURL;
        }
        if (input.models) {
          const models = { ...saved.models };
          for (const [feature, model] of Object.entries(input.models)) {
            if (providerView.models[feature as keyof typeof providerView.models]?.locked) {
              refuse(`providers.${name}.models.${feature}`);
            }
            if (model === null) delete models[feature as keyof typeof models];
            else models[feature as keyof typeof models] = model;
          }
          saved.models = models;
        }
        next.providers![name] = saved;
      }
      for (const field of ['defaultProvider', 'fallbackProvider'] as const) {
        const value = body[field];
        if (value === undefined) continue;
        if (view[field].locked) refuse(field);
        if (value === null) delete next[field];
        else next[field] = value as ProviderName;
      }
      if (body.brandVoice !== undefined) {
        if (body.brandVoice) next.brandVoice = body.brandVoice;
        else delete next.brandVoice;
      }
      await store().set({ value: next });
      cache = undefined;
      return this.view();
    },
  };
};

export default settingsService;
export type SettingsService = ReturnType<typeof settingsService>;
