import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ProviderName } from '../../contracts/config';
import { createAiClient, type AiClient } from '../ai/client';
import { describeAiError, PROVIDER_LABELS, ProviderNotConfiguredError } from '../ai/errors';
import type { EffectiveProvider } from '../ai/provider-settings';
import type { ProviderAdapter } from '../ai/types';
import type { TestConnectionResult } from '../../contracts/settings';
import { pluginConfig } from '../utils/plugin-config';
import { reportFailure } from '../utils/safe-error';
import { getService } from '../utils/services';

// Each SDK is loaded on its first call, not at boot: together they would add a quarter second.
const ADAPTER_FACTORIES = {
  openai: async () => (await import('../ai/openai-adapter')).createOpenAIAdapter,
  gemini: async () => (await import('../ai/gemini-adapter')).createGeminiAdapter,
} satisfies Record<ProviderName, unknown>;

/** Why no call could be made with these providers, if none could. */
const missingProvider = (
  providers: Partial<Record<ProviderName, EffectiveProvider>>,
  order: ProviderName[],
  provider?: ProviderName,
) => {
  if (provider) return providers[provider] ? undefined : new ProviderNotConfiguredError(provider);
  return order.length ? undefined : new ProviderNotConfiguredError();
};

const aiService = ({ strapi }: { strapi: Core.Strapi }) => {
  // SDK clients keep connection pools: reuse each until the settings it came from change.
  const adapters = new Map<ProviderName, { settingsKey: string; adapter: ProviderAdapter }>();

  const adapterFor = async (
    name: ProviderName,
    settings: EffectiveProvider,
  ): Promise<ProviderAdapter> => {
    const settingsKey = JSON.stringify(settings);
    const cached = adapters.get(name);
    if (cached?.settingsKey === settingsKey) return cached.adapter;
    const create = await ADAPTER_FACTORIES[name]();
    const adapter = create({
      ...settings,
      timeoutMs: pluginConfig(strapi).limits.requestTimeoutMs,
    });
    adapters.set(name, { settingsKey, adapter });
    return adapter;
  };

  return {
    /** A client over the configured providers (default first, fallback second), with accounting. */
    async client(options: { provider?: ProviderName } = {}): Promise<AiClient> {
      const { providers, order } = await getService(strapi, 'settings').effectiveProviders();
      const missing = missingProvider(providers, order, options.provider);
      if (missing) throw missing;
      const names = options.provider
        ? [options.provider, ...order.filter((n) => n !== options.provider)]
        : order;
      const { limits } = pluginConfig(strapi);
      return createAiClient({
        adapters: await Promise.all(names.map((name) => adapterFor(name, providers[name]!))),
        retry: {
          maxRetries: limits.maxRetries,
          baseMs: limits.retryBaseMs,
          maxMs: limits.retryMaxMs,
        },
        streamIdleTimeoutMs: limits.streamIdleTimeoutMs,
        onUsage: (record) => getService(strapi, 'audit-log').record(record),
      });
    },

    /**
     * Before anything is written: a 400 saying how to add a key when no call could be made, a
     * 429 saying when it resets when the user's daily quota is used up.
     */
    async ensureCanCall(userId: number, provider?: ProviderName) {
      const { providers, order } = await getService(strapi, 'settings').effectiveProviders();
      const missing = missingProvider(providers, order, provider);
      if (missing)
        throw new errors.ApplicationError(missing.message, { provider: provider ?? null });
      await getService(strapi, 'usage').assertWithinQuota(userId);
    },

    /** A real, minimal call (list models) with the saved or configured key. */
    async testConnection(provider: ProviderName, userId?: number): Promise<TestConnectionResult> {
      const { providers } = await getService(strapi, 'settings').effectiveProviders();
      const settings = providers[provider];
      if (!settings) {
        return {
          ok: false,
          provider,
          latencyMs: 0,
          error: new ProviderNotConfiguredError(provider).message,
        };
      }
      const started = Date.now();
      const signal = AbortSignal.timeout(pluginConfig(strapi).limits.requestTimeoutMs);
      try {
        const { model } = await (await adapterFor(provider, settings)).ping({ signal });
        const latencyMs = Date.now() - started;
        await getService(strapi, 'audit-log').record({
          action: 'ping',
          feature: 'default',
          provider,
          model,
          usage: { input: 0, output: 0, total: 0 },
          latencyMs,
          outcome: 'success',
          userId,
        });
        return { ok: true, provider, model, latencyMs };
      } catch (error) {
        return {
          ok: false,
          provider,
          latencyMs: Date.now() - started,
          error: signal.aborted
            ? `${PROVIDER_LABELS[provider]} timed out.`
            : (describeAiError(error) ??
              reportFailure(strapi, error, `the ${provider} connection test`)),
        };
      }
    },
  };
};

export default aiService;
export type AiService = ReturnType<typeof aiService>;
