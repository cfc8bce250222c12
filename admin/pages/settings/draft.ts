import type { SettingsView, UpdateSettingsBody } from '../../../contracts/settings';
import { PROVIDER_NAMES, type ProviderName } from '../../../contracts/config';
import type { ProviderDraft } from './ProviderCard';

export interface SettingsDraft {
  providers: Record<ProviderName, ProviderDraft>;
  defaultProvider: ProviderName | '';
  fallbackProvider: ProviderName | '';
  brandVoice: string;
}

export const draftFrom = (view: SettingsView): SettingsDraft => {
  const provider = (name: ProviderName): ProviderDraft => {
    const p = view.providers[name];
    return {
      apiKey: '',
      clearApiKey: false,
      baseURL: p.baseURL.source === 'saved' ? (p.baseURL.value ?? '') : '',
      organization: p.organization?.source === 'saved' ? (p.organization.value ?? '') : '',
      models: Object.fromEntries(
        Object.entries(p.models)
          .filter(([, sourced]) => sourced?.source === 'saved')
          .map(([feature, sourced]) => [feature, sourced!.value]),
      ),
    };
  };
  return {
    providers: { openai: provider('openai'), gemini: provider('gemini') },
    defaultProvider:
      view.defaultProvider.source === 'saved' ? (view.defaultProvider.value ?? '') : '',
    fallbackProvider:
      view.fallbackProvider.source === 'saved' ? (view.fallbackProvider.value ?? '') : '',
    brandVoice: view.brandVoice ?? '',
  };
};

/** Only what the user may change: locked values are left out, empty strings clear saved ones. */
export const bodyFrom = (draft: SettingsDraft, view: SettingsView): UpdateSettingsBody => {
  const orNull = (value: string) => (value.trim() ? value.trim() : null);
  const providers: NonNullable<UpdateSettingsBody['providers']> = {};
  for (const name of PROVIDER_NAMES) {
    const d = draft.providers[name];
    const v = view.providers[name];
    const models = Object.fromEntries(
      view.features
        .filter((feature) => !v.models[feature]?.locked)
        .map((feature) => [feature, orNull(d.models[feature] ?? '')]),
    );
    providers[name] = {
      ...(v.apiKey.locked
        ? {}
        : d.clearApiKey
          ? { apiKey: null }
          : d.apiKey.trim()
            ? { apiKey: d.apiKey.trim() }
            : {}),
      ...(v.baseURL.locked ? {} : { baseURL: orNull(d.baseURL) }),
      ...(name === 'openai' && !v.organization?.locked
        ? { organization: orNull(d.organization) }
        : {}),
      models,
    };
  }
  return {
    providers,
    ...(view.defaultProvider.locked ? {} : { defaultProvider: draft.defaultProvider || null }),
    ...(view.fallbackProvider.locked ? {} : { fallbackProvider: draft.fallbackProvider || null }),
    brandVoice: orNull(draft.brandVoice),
  };
};
