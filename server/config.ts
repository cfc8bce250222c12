import { z } from 'zod';
import { parseAllowList } from './net/address-policy';
import { FEATURES, PROVIDER_NAMES, WORKER_MODES } from '../contracts/config';

/**
 * The plugin config, as a host app writes it in `config/plugins.ts` under `alwrity.config`.
 * Parsed once at boot: a wrong value stops Strapi with a message naming the key.
 */

const modelsSchema = z.partialRecord(z.enum(FEATURES), z.string().min(1)).default({});

const openaiSchema = z
  .object({
    apiKey: z.string().min(1).optional(),
    baseURL: z.url().optional(),
    organization: z.string().min(1).optional(),
    models: modelsSchema,
  })
  .strict();

const geminiSchema = z
  .object({
    apiKey: z.string().min(1).optional(),
    baseURL: z.url().optional(),
    models: modelsSchema,
  })
  .strict();

const redisSchema = z.union([
  z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
  z
    .object({
      url: z
        .string()
        .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
        .optional(),
      host: z.string().min(1).optional(),
      port: z.number().int().min(1).max(65535).optional(),
      username: z.string().optional(),
      password: z.string().optional(),
      db: z.number().int().min(0).optional(),
      tls: z.boolean().optional(),
      prefix: z.string().min(1).optional(),
    })
    .strict(),
]);

const limitsSchema = z
  .object({
    concurrency: z.number().int().min(1).max(100).default(4),
    requestTimeoutMs: z.number().int().min(100).default(60_000),
    streamIdleTimeoutMs: z.number().int().min(100).default(30_000),
    maxRetries: z.number().int().min(0).max(10).default(3),
    retryBaseMs: z.number().int().min(1).default(500),
    retryMaxMs: z.number().int().min(1).default(30_000),
    jobAttempts: z.number().int().min(1).max(20).default(3),
    dailyQuotaPerRole: z.record(z.string(), z.number().int().min(0)).default({}),
  })
  .strict();

const allowEntry = z
  .string()
  .trim()
  .refine(
    (entry) => {
      try {
        parseAllowList([entry]);
        return entry.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'must be a host name, an IP address or a CIDR range such as 10.0.0.0/8' },
  );

export const configSchema = z
  .object({
    providers: z
      .object({
        openai: openaiSchema.optional(),
        gemini: geminiSchema.optional(),
        default: z.enum(PROVIDER_NAMES).optional(),
        fallback: z.enum(PROVIDER_NAMES).optional(),
      })
      .strict()
      .default({}),
    redis: redisSchema.optional(),
    worker: z.enum(WORKER_MODES).default('on'),
    limits: limitsSchema.default(() => limitsSchema.parse({})),
    siteAnalyzer: z
      .object({
        /** Hosts, addresses or CIDR ranges the fetcher may reach although they are private. */
        allowPrivateAddresses: z.array(allowEntry).default([]),
        /** The least time between two runs of a recurring audit. */
        minRepeatSeconds: z.number().int().min(1).default(3600),
      })
      .strict()
      .default({ allowPrivateAddresses: [], minRepeatSeconds: 3600 }),
    chat: z
      .object({
        /** Conversations untouched this many days are deleted (daily); 0 keeps them all. */
        retentionDays: z.number().int().min(0).max(36_500).default(90),
      })
      .strict()
      .default({ retentionDays: 90 }),
  })
  .strict()
  // A worker-only process with the in-process queue would run nothing anyone enqueued.
  .refine((config) => config.worker !== 'only' || config.redis !== undefined, {
    path: ['worker'],
    message: "'only' needs Redis: set `redis` (or REDIS_URL) so web processes can hand it jobs",
  });

export type PluginConfigInput = z.input<typeof configSchema>;
export type PluginConfig = z.output<typeof configSchema>;

/** Turns zod issues into one line per key, e.g. `alwrity.limits.concurrency: Too small`. */
export const describeConfigError = (error: z.ZodError): string =>
  error.issues
    .map((issue) => `alwrity.${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('\n');

/** Env defaults: applied beneath what the host app wrote, never over it. */
export const envDefaults = (env: NodeJS.ProcessEnv): PluginConfigInput => {
  const defaults: PluginConfigInput = { providers: {} };
  if (env.OPENAI_API_KEY || env.OPENAI_BASE_URL) {
    defaults.providers!.openai = {
      ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
      ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    };
  }
  if (env.GEMINI_API_KEY) defaults.providers!.gemini = { apiKey: env.GEMINI_API_KEY };
  if (env.REDIS_URL) defaults.redis = env.REDIS_URL;
  return defaults;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const mergeBeneath = (base: unknown, over: unknown): unknown => {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeBeneath(base[key], value);
  return merged;
};

export const resolveConfig = (raw: unknown, env: NodeJS.ProcessEnv = process.env): PluginConfig => {
  const result = configSchema.safeParse(mergeBeneath(envDefaults(env), raw ?? {}));
  if (!result.success) {
    throw new Error(`Invalid alwrity plugin config:\n${describeConfigError(result.error)}`);
  }
  return result.data;
};

export default {
  default: {},
  validator(raw: unknown) {
    resolveConfig(raw);
  },
};
