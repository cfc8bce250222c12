import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix of its own per test file, so tests never touch anyone else's keys. */
export const testRedisPrefix = () => `alwrity-test-${randomBytes(4).toString('hex')}`;

/**
 * Fails loudly when Redis is missing: a suite that needs Redis must not pass or skip without it.
 */
export const assertRedis = async () => {
  const client = new IORedis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`These tests need Redis at ${REDIS_URL}: ${(error as Error).message}`);
  } finally {
    client.disconnect();
  }
};

/** Deletes only the keys under this prefix (SCAN, never FLUSHALL). */
export const flushPrefix = async (prefix: string) => {
  const client = new IORedis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
};
