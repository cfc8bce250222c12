import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { KoaAdapter } from '@bull-board/koa';
import { Queue } from 'bullmq';
import IORedis, { type RedisOptions } from 'ioredis';
import type { Middleware } from 'koa';

type BoardQueues = Parameters<typeof createBullBoard>[0]['queues'];

export interface QueueBoardOptions {
  /** Where the board is served, e.g. `/alwrity/board`. */
  basePath: string;
  queueNames: string[];
  connection: RedisOptions & { url?: string };
  prefix: string;
}

export interface QueueBoard {
  middleware: Middleware;
  close(): Promise<void>;
}

/**
 * bull-board over the plugin's queues, read-only: retrying or removing a job there would go
 * behind its document's back, so those actions stay on the plugin's own Jobs page.
 */
export const createQueueBoard = (options: QueueBoardOptions): QueueBoard => {
  const { url, ...redisOptions } = options.connection;
  const extra = { maxRetriesPerRequest: 1, enableOfflineQueue: false };
  const connection = url
    ? new IORedis(url, { ...redisOptions, ...extra })
    : new IORedis({ ...redisOptions, ...extra });
  // The board is an inspection aid: a Redis hiccup shows there, not in the logs.
  connection.on('error', () => undefined);
  const queues = options.queueNames.map(
    (name) => new Queue(name, { connection, prefix: options.prefix }),
  );
  const serverAdapter = new KoaAdapter().setBasePath(options.basePath);
  createBullBoard({
    // bull-board 6.7 types a job's progress narrower than BullMQ 6 (no strings); it reads it fine.
    queues: queues.map(
      (queue) => new BullMQAdapter(queue, { readOnlyMode: true }),
    ) as unknown as BoardQueues,
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Alwrity jobs' } },
  });
  return {
    middleware: serverAdapter.registerPlugin() as Middleware,
    async close() {
      await Promise.all(queues.map((queue) => queue.close()));
      connection.disconnect();
    },
  };
};
