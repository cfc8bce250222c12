import type { RedisOptions } from 'ioredis';
import type { PluginConfig } from '../config';

/** Turns the plugin's `redis` config into ioredis options and a key prefix; none = no Redis. */
export const redisConnection = (
  redis: PluginConfig['redis'],
): { connection: RedisOptions & { url?: string }; prefix: string } | undefined => {
  if (!redis) return undefined;
  if (typeof redis === 'string') return { connection: { url: redis }, prefix: 'alwrity' };
  const { url, tls, prefix, ...rest } = redis;
  return {
    connection: { ...(url ? { url } : {}), ...rest, ...(tls ? { tls: {} } : {}) },
    prefix: prefix ?? 'alwrity',
  };
};
