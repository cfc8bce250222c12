import { z } from 'zod';
import { FEATURES, PROVIDER_NAMES, type Feature, type ProviderName } from './config';

/** Where a value comes from: config and env win over what was saved in the settings page. */
export type ValueSource = 'config' | 'env' | 'saved' | 'default';

export interface SourcedValue<T> {
  value: T;
  source: ValueSource;
  /** Set in the config file or env: shown read-only. */
  locked: boolean;
}

export interface ProviderSettingsView {
  configured: boolean;
  /** Only the last 4 characters, never the key. */
  apiKey: SourcedValue<string | null>;
  baseURL: SourcedValue<string | null>;
  organization?: SourcedValue<string | null>;
  models: Partial<Record<Feature, SourcedValue<string>>>;
}

export interface SettingsView {
  providers: Record<ProviderName, ProviderSettingsView>;
  defaultProvider: SourcedValue<ProviderName | null>;
  fallbackProvider: SourcedValue<ProviderName | null>;
  queue: { driver: 'bullmq' | 'inline'; worker: 'on' | 'off' | 'only' };
  features: readonly Feature[];
  /** The house style guide every writer's prompt carries. */
  brandVoice: string | null;
}

export const BRAND_VOICE_MAX = 5000;

/** Every field has a ceiling: nothing unbounded reaches the store or a provider's headers. */
export const SETTINGS_LIMITS = { apiKey: 500, baseURL: 2048, text: 200 } as const;

const optionalText = z.string().trim().min(1).max(SETTINGS_LIMITS.text).nullable().optional();
const modelsInput = z
  .partialRecord(z.enum(FEATURES), z.string().trim().min(1).max(SETTINGS_LIMITS.text).nullable())
  .optional();

const providerInput = (extra: z.ZodRawShape = {}) =>
  z
    .object({
      apiKey: z
        .string()
        .trim()
        .min(8, 'must be at least 8 characters')
        .max(SETTINGS_LIMITS.apiKey)
        .nullable()
        .optional(),
      baseURL: z.url().max(SETTINGS_LIMITS.baseURL).nullable().optional(),
      models: modelsInput,
      ...extra,
    })
    .strict();

/** PUT /alwrity/settings. `null` clears a saved value; an absent key leaves it as it is. */
export const updateSettingsBody = z
  .object({
    providers: z
      .object({
        openai: providerInput({ organization: optionalText }).optional(),
        gemini: providerInput().optional(),
      })
      .strict()
      .optional(),
    defaultProvider: z.enum(PROVIDER_NAMES).nullable().optional(),
    fallbackProvider: z.enum(PROVIDER_NAMES).nullable().optional(),
    brandVoice: z.string().trim().max(BRAND_VOICE_MAX).nullable().optional(),
  })
  .strict();
export type UpdateSettingsBody = z.infer<typeof updateSettingsBody>;

/** POST /alwrity/settings/test-connection */
export const testConnectionBody = z.object({ provider: z.enum(PROVIDER_NAMES) }).strict();
export type TestConnectionBody = z.infer<typeof testConnectionBody>;

export interface TestConnectionResult {
  ok: boolean;
  provider: ProviderName;
  model?: string;
  latencyMs: number;
  error?: string;
}
