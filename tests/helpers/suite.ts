import type { Core } from '@strapi/strapi';
import { startFakeModelServer, type FakeModelServer } from './fake-model-server';
import { assertRedis, flushPrefix, REDIS_URL, testRedisPrefix } from './redis';
import { bootStrapi, createTestDatabase, testApp, type Database, type TestApp } from './strapi';

export interface SuiteOptions {
  /** Use real Redis (BullMQ) — the default — or the inline driver. */
  redis?: boolean;
  /** PostgreSQL whatever DATABASE_CLIENT says: for several processes on one database. */
  database?: 'postgres';
  /** Plugin config merged over the test defaults. */
  config?: Record<string, unknown>;
  /** The provider calls go to first (OpenAI unless told). */
  defaultProvider?: 'openai' | 'gemini';
  /** Where Redis is, read at boot (a test may put a proxy in front of it). */
  redisUrl?: () => string;
  /** Extra environment; a function when it needs the fake model server's address. */
  env?:
    | Record<string, string | undefined>
    | ((fake: FakeModelServer) => Record<string, string | undefined>);
}

export interface Suite {
  readonly app: TestApp;
  readonly strapi: Core.Strapi;
  readonly fake: FakeModelServer;
  readonly prefix: string;
  /** The environment this Strapi booted with, for another process sharing its database and queue. */
  env(): Record<string, string | undefined>;
  /**
   * Destroys Strapi and boots it again on the same database and Redis prefix; `afterBoot` runs
   * as soon as it has loaded (its workers already running), before the test users log in, and
   * `whileDown` between the two.
   */
  restart(
    afterBoot?: (strapi: Core.Strapi) => Promise<void> | void,
    whileDown?: () => Promise<void>,
  ): Promise<void>;
}

/** Test defaults: fast retries, a fake OpenAI and Gemini on loopback. */
export const testConfig = (
  fake: FakeModelServer,
  prefix: string | undefined,
  extra: Record<string, unknown> = {},
  redisUrl = REDIS_URL,
  defaultProvider: 'openai' | 'gemini' = 'openai',
) => ({
  providers: {
    openai: { apiKey: 'sk-test-openai-key-1234', baseURL: fake.openaiBaseURL },
    gemini: { apiKey: 'test-gemini-key-5678', baseURL: fake.geminiBaseURL },
    default: defaultProvider,
  },
  limits: { retryBaseMs: 10, retryMaxMs: 2000, requestTimeoutMs: 5000, streamIdleTimeoutMs: 2000 },
  // The fixture sites listen on 127.0.0.1; every other private address stays refused.
  siteAnalyzer: { allowPrivateAddresses: ['127.0.0.1'] },
  ...(prefix ? { redis: { url: redisUrl, prefix } } : {}),
  ...extra,
});

/**
 * One booted Strapi per test file: its own database, its own Redis prefix, the fake model server,
 * and the four test users. Registers its own beforeAll/afterAll.
 */
export const useSuite = (options: SuiteOptions = {}): Suite => {
  const useRedis = options.redis !== false;
  let db: Database;
  let fake: FakeModelServer;
  let strapi: Core.Strapi | undefined;
  let app: TestApp;
  const prefix = testRedisPrefix();

  const envFor = () => ({
    ...db.env,
    ALWRITY_CONFIG: JSON.stringify(
      testConfig(
        fake,
        useRedis ? prefix : undefined,
        options.config,
        options.redisUrl?.(),
        options.defaultProvider,
      ),
    ),
    OPENAI_API_KEY: undefined,
    OPENAI_BASE_URL: undefined,
    GEMINI_API_KEY: undefined,
    REDIS_URL: undefined,
    ...(typeof options.env === 'function' ? options.env(fake) : options.env),
  });

  beforeAll(async () => {
    if (useRedis) await assertRedis();
    fake = await startFakeModelServer();
    db = await createTestDatabase(options.database);
    strapi = await bootStrapi(envFor());
    app = await testApp(strapi);
  });

  afterAll(async () => {
    await strapi?.destroy();
    await fake?.close();
    await db?.drop();
    if (useRedis) await flushPrefix(prefix);
  });

  return {
    get app() {
      return app;
    },
    get strapi() {
      return strapi!;
    },
    get fake() {
      return fake;
    },
    prefix,
    env: envFor,
    async restart(afterBoot, whileDown) {
      await strapi?.destroy();
      strapi = undefined;
      await whileDown?.();
      strapi = await bootStrapi(envFor());
      await afterBoot?.(strapi);
      app = await testApp(strapi);
    },
  };
};
