/** The plugin config's enums, which the settings page and the server both name. */

export const FEATURES = [
  'default',
  'writer',
  'seo',
  'site-audit',
  'predictor',
  'chat',
  'calendar',
  'embeddings',
] as const;
export type Feature = (typeof FEATURES)[number];

export const PROVIDER_NAMES = ['openai', 'gemini'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const WORKER_MODES = ['on', 'off', 'only'] as const;
export type WorkerMode = (typeof WORKER_MODES)[number];
