import { envDefaults, type PluginConfigInput } from '../config';
import { FEATURES, PROVIDER_NAMES, type Feature, type ProviderName } from '../../contracts/config';
import type {
  ProviderSettingsView,
  SettingsView,
  SourcedValue,
  ValueSource,
} from '../../contracts/settings';
import { lastFour } from '../utils/crypto';

/** What the settings page saved; `apiKey` holds plaintext here (decrypted by the service). */
export interface SavedProvider {
  apiKey?: string;
  /** The base URL the key was saved for (`''`: the provider's own): it goes nowhere else. */
  keyBaseURL?: string;
  baseURL?: string;
  organization?: string;
  models?: Partial<Record<Feature, string>>;
}

export interface SavedSettings {
  brandVoice?: string;
  providers?: Partial<Record<ProviderName, SavedProvider>>;
  defaultProvider?: ProviderName;
  fallbackProvider?: ProviderName;
}

export interface EffectiveProvider {
  apiKey: string;
  baseURL?: string;
  organization?: string;
  models: Partial<Record<Feature, string>>;
}

export interface EffectiveProviders {
  providers: Partial<Record<ProviderName, EffectiveProvider>>;
  /** Configured providers in the order calls should try them: default, then fallback. */
  order: ProviderName[];
}

interface Layers {
  /** What the host app wrote in config/plugins (not yet merged with env). */
  config: PluginConfigInput;
  env: PluginConfigInput;
  saved: SavedSettings;
}

type ProviderField = 'apiKey' | 'baseURL' | 'organization';

const providerLayer = (layer: PluginConfigInput, name: ProviderName) =>
  layer.providers?.[name] as
    (SavedProvider & { models?: Partial<Record<Feature, string>> }) | undefined;

const pick = <T>(candidates: [ValueSource, T | undefined][], fallback: T): SourcedValue<T> => {
  for (const [source, value] of candidates) {
    if (value !== undefined && value !== null && value !== '') {
      return { value, source, locked: source === 'config' || source === 'env' };
    }
  }
  return { value: fallback, source: 'default', locked: false };
};

const providerField = (layers: Layers, name: ProviderName, field: ProviderField) =>
  pick<string | null>(
    [
      ['config', providerLayer(layers.config, name)?.[field]],
      ['env', providerLayer(layers.env, name)?.[field]],
      ['saved', layers.saved.providers?.[name]?.[field]],
    ],
    null,
  );

/** From the config file or the environment only. */
const serverField = (layers: Layers, name: ProviderName, field: ProviderField) => {
  const value = pick<string | null>(
    [
      ['config', providerLayer(layers.config, name)?.[field]],
      ['env', providerLayer(layers.env, name)?.[field]],
    ],
    null,
  );
  return { ...value, locked: true };
};

const ABSENT: SourcedValue<string | null> = { value: null, source: 'default', locked: false };

/**
 * A key and the address it may be sent to, as one pair. A key from the config file or the
 * environment goes only where that configuration says (its base URL and organization are locked
 * with it); a key saved in the settings page only to the base URL it was saved for.
 */
export const boundProvider = (layers: Layers, name: ProviderName) => {
  const apiKey = providerField(layers, name, 'apiKey');
  if (apiKey.locked) {
    return {
      apiKey,
      baseURL: serverField(layers, name, 'baseURL'),
      organization: serverField(layers, name, 'organization'),
    };
  }
  const baseURL = providerField(layers, name, 'baseURL');
  const boundTo = layers.saved.providers?.[name]?.keyBaseURL;
  const moved = apiKey.value !== null && boundTo !== undefined && boundTo !== (baseURL.value ?? '');
  return {
    apiKey: moved ? ABSENT : apiKey,
    baseURL,
    organization: providerField(layers, name, 'organization'),
  };
};

const providerModels = (layers: Layers, name: ProviderName) => {
  const models: Partial<Record<Feature, SourcedValue<string>>> = {};
  for (const feature of FEATURES) {
    const value = pick<string | null>(
      [
        ['config', providerLayer(layers.config, name)?.models?.[feature]],
        ['saved', layers.saved.providers?.[name]?.models?.[feature]],
      ],
      null,
    );
    if (value.value !== null) models[feature] = value as SourcedValue<string>;
  }
  return models;
};

const providerChoice = (layers: Layers, key: 'default' | 'fallback') =>
  pick<ProviderName | null>(
    [
      ['config', layers.config.providers?.[key]],
      ['saved', layers.saved[key === 'default' ? 'defaultProvider' : 'fallbackProvider']],
    ],
    null,
  );

export const resolveProviders = (layers: Layers): EffectiveProviders => {
  const providers: Partial<Record<ProviderName, EffectiveProvider>> = {};
  for (const name of PROVIDER_NAMES) {
    const bound = boundProvider(layers, name);
    const apiKey = bound.apiKey.value;
    if (!apiKey) continue;
    const models = Object.fromEntries(
      Object.entries(providerModels(layers, name)).map(([feature, sourced]) => [
        feature,
        sourced!.value,
      ]),
    );
    providers[name] = {
      apiKey,
      baseURL: bound.baseURL.value ?? undefined,
      organization: name === 'openai' ? (bound.organization.value ?? undefined) : undefined,
      models,
    };
  }
  const configured = PROVIDER_NAMES.filter((name) => providers[name]);
  const preferred = providerChoice(layers, 'default').value;
  const first = preferred && providers[preferred] ? preferred : configured[0];
  const fallback = providerChoice(layers, 'fallback').value;
  const order = [
    first,
    fallback && fallback !== first && providers[fallback] ? fallback : undefined,
  ].filter((name): name is ProviderName => Boolean(name));
  return { providers, order };
};

/** The browser's view: where each value comes from, and never a whole key. */
export const describeSettings = (layers: Layers, queue: SettingsView['queue']): SettingsView => {
  const view = (name: ProviderName): ProviderSettingsView => {
    const { apiKey, baseURL, organization } = boundProvider(layers, name);
    return {
      configured: Boolean(apiKey.value),
      apiKey: { ...apiKey, value: apiKey.value ? lastFour(apiKey.value) : null },
      baseURL,
      ...(name === 'openai' ? { organization } : {}),
      models: providerModels(layers, name),
    };
  };
  return {
    providers: { openai: view('openai'), gemini: view('gemini') },
    defaultProvider: providerChoice(layers, 'default'),
    fallbackProvider: providerChoice(layers, 'fallback'),
    queue,
    features: FEATURES,
    brandVoice: layers.saved.brandVoice ?? null,
  };
};

export const layersFrom = (
  config: unknown,
  env: NodeJS.ProcessEnv,
  saved: SavedSettings,
): Layers => ({
  config: (config ?? {}) as PluginConfigInput,
  env: envDefaults(env),
  saved,
});
