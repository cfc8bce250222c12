import { Queue, QueueEvents, UnrecoverableError, Worker, WaitingError, type Job } from 'bullmq';
import IORedis, { type RedisOptions } from 'ioredis';
import {
  PermanentJobError,
  SCHEDULED_ATTEMPTS,
  QueueUnavailableError,
  type DriverJobState,
  type JobEvent,
  type QueueDriver,
} from './types';

export interface BullMQDriverOptions {
  connection: RedisOptions & { url?: string };
  prefix: string;
  /** Finished jobs kept in Redis for inspection; the documents keep the history. */
  keepCompleted: number;
  keepFailed: number;
  /** How long a shutdown waits for workers to hand their jobs back. */
  shutdownGraceMs: number;
  logError(message: string, error: unknown): void;
}

const CANCEL_CHANNEL = 'cancel';

/** True when `promise` settles in time; false, and stop waiting, when it does not. */
const settlesWithin = async (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true as const,
        () => true as const,
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
};
// A request waits at most this long on Redis before it answers 503.
const QUEUE_COMMAND_TIMEOUT_MS = 5000;

/**
 * BullMQ over ioredis. Queues fail fast when Redis is down (a request should answer, not hang);
 * workers wait for it. Cancellation crosses processes on a pub/sub channel.
 */
export const createBullMQDriver = (options: BullMQDriverOptions): QueueDriver => {
  const { url, ...redisOptions } = options.connection;
  // BullMQ leaves connections it was handed open: keep them all to close on shutdown.
  const connections: IORedis[] = [];
  const connect = (extra: RedisOptions) => {
    const connection = url
      ? new IORedis(url, { ...redisOptions, ...extra })
      : new IORedis({ ...redisOptions, ...extra });
    connections.push(connection);
    return connection;
  };

  const queueConnection = connect({
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
    commandTimeout: QUEUE_COMMAND_TIMEOUT_MS,
  });
  queueConnection.on('error', (error) => options.logError('Redis (queues)', error));
  // Once it has been ready, a queue connection that is not means Redis was lost.
  let wasReady = false;
  const firstReady = new Promise<void>((resolve) =>
    queueConnection.once('ready', () => {
      wasReady = true;
      resolve();
    }),
  );
  const queues = new Map<string, Queue>();
  const queueEvents = new Map<string, QueueEvents>();
  const listeners = new Map<string, Set<(event: JobEvent) => void>>();
  const workers: Worker[] = [];
  let subscriber: IORedis | undefined;
  let broadcasts: IORedis | undefined;
  const topicListeners = new Map<string, Set<(message: unknown) => void>>();
  const topicChannel = (topic: string) => `${options.prefix}:broadcast:${topic}`;
  let shuttingDown = false;
  const channel = `${options.prefix}:${CANCEL_CHANNEL}`;

  /** Errors met while Redis is away become one clear error the routes answer with 503. */
  const reachable = async <T>(operation: () => Promise<T>): Promise<T> => {
    // A queue made now would wait for the connection, and its caller too: after a loss the
    // answer is at once; while first connecting (Redis may be down at boot), after a while.
    if (
      queueConnection.status !== 'ready' &&
      (wasReady || !(await settlesWithin(firstReady, QUEUE_COMMAND_TIMEOUT_MS)))
    ) {
      throw new QueueUnavailableError(new Error(`Redis is ${queueConnection.status}.`));
    }
    try {
      return await operation();
    } catch (error) {
      const lost =
        queueConnection.status !== 'ready' ||
        ['MaxRetriesPerRequestError', 'ConnectionError'].includes((error as Error)?.name) ||
        /timed out|ECONNREFUSED|ECONNRESET|Connection is closed|isn't writeable/i.test(
          (error as Error)?.message ?? '',
        );
      throw lost ? new QueueUnavailableError(error) : error;
    }
  };

  const queueOf = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      const created = new Queue(name, { connection: queueConnection, prefix: options.prefix });
      created.on('error', (error) => options.logError(`Queue ${name}`, error));
      // One whose start failed stays failed (BullMQ keeps the rejected start): the next call
      // makes a new one on the same connection.
      created.waitUntilReady().catch(() => {
        if (queues.get(name) !== created) return;
        queues.delete(name);
        void created.close().catch(() => undefined);
      });
      queues.set(name, created);
      queue = created;
    }
    return queue;
  };

  const dispatch = (queue: string, event: JobEvent) => {
    listeners.get(`${queue}\u0000${event.id}`)?.forEach((listener) => listener(event));
  };

  /** One QueueEvents per queue per process, shared by every subscriber. */
  const eventsOf = async (name: string) => {
    let events = queueEvents.get(name);
    if (!events) {
      events = new QueueEvents(name, {
        connection: connect({ maxRetriesPerRequest: null }),
        prefix: options.prefix,
      });
      events.on('error', (error) => options.logError(`Queue events ${name}`, error));
      events.on('progress', ({ jobId, data }) =>
        dispatch(name, { type: 'progress', id: jobId, progress: data as never }),
      );
      events.on('active', ({ jobId }) => dispatch(name, { type: 'active', id: jobId }));
      events.on('completed', ({ jobId }) => dispatch(name, { type: 'completed', id: jobId }));
      events.on('failed', ({ jobId, failedReason }) =>
        dispatch(name, { type: 'failed', id: jobId, error: failedReason }),
      );
      events.on('removed', ({ jobId }) => dispatch(name, { type: 'removed', id: jobId }));
      queueEvents.set(name, events);
    }
    // Its connection retries forever; a request must not wait on it forever.
    const ready = events.waitUntilReady();
    if (!(await settlesWithin(ready, QUEUE_COMMAND_TIMEOUT_MS))) throw new Error('Redis timed out');
    await ready;
    return events;
  };

  const runOptions = (attempts: number) => ({
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { count: options.keepCompleted },
    removeOnFail: { count: options.keepFailed },
  });
  const jobOptions = (id: string, attempts: number) => ({ jobId: id, ...runOptions(attempts) });

  const toState = (state: string): DriverJobState =>
    (['waiting', 'active', 'delayed', 'completed', 'failed'] as const).find((s) => s === state) ??
    (state === 'prioritized' || state === 'waiting-children' ? 'waiting' : 'unknown');

  return {
    kind: 'bullmq',
    async enqueue(queue, id, data, { attempts, delay }) {
      // A taken id makes add() a no-op: that is what makes enqueueing idempotent.
      await reachable(() =>
        queueOf(queue).add(queue, data, {
          ...jobOptions(id, attempts),
          ...(delay && delay > 0 ? { delay } : {}),
        }),
      );
    },
    async state(queue, id) {
      return toState(await reachable(() => queueOf(queue).getJobState(id)));
    },
    cancel: (queue, id) =>
      reachable(async () => {
        const job = await queueOf(queue).getJob(id);
        if (!job) return;
        const state = await job.getState();
        if (state === 'active') {
          await queueConnection.publish(channel, JSON.stringify({ queue, id }));
        } else if (state !== 'completed' && state !== 'failed') {
          await job.remove();
        }
      }),
    retry: (queue, id, data, { attempts }) =>
      reachable(async () => {
        const q = queueOf(queue);
        const job = await q.getJob(id);
        const state = job ? await job.getState() : 'unknown';
        if (state === 'active' || state === 'waiting' || state === 'delayed') return;
        if (job) await job.remove();
        await q.add(queue, data, jobOptions(id, attempts));
      }),
    schedule: (queue, id, repeat, data) =>
      reachable(async () => {
        // An upsert always replaces the waiting job, due now or not: an unchanged schedule is
        // left alone, or a boot could drop the time every instance was down for.
        const current = await queueOf(queue).getJobScheduler(id);
        if (current?.pattern === repeat.pattern && current.tz === repeat.tz) return;
        await queueOf(queue).upsertJobScheduler(
          id,
          { pattern: repeat.pattern, tz: repeat.tz },
          { name: queue, data, opts: runOptions(SCHEDULED_ATTEMPTS) },
        );
      }),
    unschedule: (queue, id) =>
      reachable(async () => {
        await queueOf(queue).removeJobScheduler(id);
      }),
    schedules: (queue) =>
      reachable(async () =>
        (await queueOf(queue).getJobSchedulers(0, -1)).map((scheduler) => scheduler.key),
      ),
    async subscribe(queue, id, listener) {
      await reachable(() => eventsOf(queue));
      const key = `${queue}\u0000${id}`;
      const set = listeners.get(key) ?? new Set();
      set.add(listener);
      listeners.set(key, set);
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(key);
      };
    },
    async startWorkers(processors, concurrency) {
      for (const [name, processor] of Object.entries(processors)) {
        const worker = new Worker(
          name,
          async (job: Job, token?: string, signal?: AbortSignal) => {
            const controller = signal ?? new AbortController().signal;
            const handBack = async () => {
              await job.moveToWait(token);
              throw new WaitingError();
            };
            // A fetch already under way when closing began can still bring a job in: hand it back.
            if (shuttingDown) return handBack();
            try {
              return await processor({
                id: job.id!,
                queue: name,
                data: job.data,
                attempt: job.attemptsMade + 1,
                signal: controller,
                progress: (update) => job.updateProgress(update as never),
                // A scheduler's job is one per time it fires: that time is in its options.
                ...(job.repeatJobKey && job.opts.prevMillis
                  ? { scheduledAt: new Date(job.opts.prevMillis) }
                  : {}),
              });
            } catch (error) {
              // Shutting down: hand the job back so another worker (or our next boot) runs it.
              if (controller.aborted && controller.reason === 'shutdown') return handBack();
              if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
              throw error;
            }
          },
          {
            connection: connect({ maxRetriesPerRequest: null }),
            prefix: options.prefix,
            concurrency,
            autorun: true,
          },
        );
        worker.on('error', (error) => options.logError(`Worker ${name}`, error));
        workers.push(worker);
      }
      subscriber = connect({ maxRetriesPerRequest: null });
      subscriber.on('error', (error) => options.logError('Redis (cancel channel)', error));
      subscriber.on('message', (_channel, message) => {
        try {
          const { queue, id } = JSON.parse(message) as { queue: string; id: string };
          workers.find((worker) => worker.name === queue)?.cancelJob(id, 'canceled');
        } catch (error) {
          options.logError('Bad cancel message', error);
        }
      });
      await subscriber.subscribe(channel);
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    },
    count: (key, by, windowMs) =>
      reachable(async () => {
        const name = `${options.prefix}:count:${key}`;
        // One round trip: the window starts with the first add and is never pushed back
        // (SET NX PX, which every Redis still in use knows).
        const replies = (await queueConnection
          .multi()
          .set(name, 0, 'PX', windowMs, 'NX')
          .incrby(name, by)
          .pttl(name)
          .exec()) as [Error | null, unknown][];
        const failed = replies.find(([error]) => error);
        if (failed) throw failed[0];
        const value = Number(replies[1]![1]);
        const ttl = Number(replies[2]![1]);
        return { value, resetMs: ttl > 0 ? ttl : windowMs };
      }),
    broadcast: (topic, message) =>
      reachable(async () => {
        await queueConnection.publish(topicChannel(topic), JSON.stringify(message));
      }),
    async listen(topic, listener) {
      if (!broadcasts) {
        // Its own connection: a process that runs no workers hears broadcasts too.
        const connection = connect({ maxRetriesPerRequest: null });
        broadcasts = connection;
        connection.on('error', (error) => options.logError('Redis (broadcasts)', error));
        connection.on('message', (channel, message) => {
          const topicName = channel.slice(topicChannel('').length);
          let parsed: unknown;
          try {
            parsed = JSON.parse(message);
          } catch (error) {
            options.logError(`Bad broadcast on ${topicName}`, error);
            return;
          }
          topicListeners.get(topicName)?.forEach((each) => each(parsed));
        });
        let connectedBefore = false;
        connection.on('ready', () => {
          // Back after a loss: what was published meanwhile never arrives.
          if (connectedBefore) topicListeners.forEach((set) => set.forEach((each) => each(null)));
          connectedBefore = true;
        });
      }
      let set = topicListeners.get(topic);
      if (!set) {
        set = new Set();
        topicListeners.set(topic, set);
        await broadcasts.subscribe(topicChannel(topic));
      }
      set.add(listener);
      return () => set.delete(listener);
    },
    async close() {
      shuttingDown = true;
      // Stop fetching first, or a worker picks the job it just handed back straight up again.
      const closing = Promise.all([
        ...workers.map((worker) => worker.close()),
        ...[...queueEvents.values()].map((events) => events.close()),
      ]);
      for (const worker of workers) worker.cancelAllJobs('shutdown');
      // BullMQ waits forever for a connection caught mid-reconnect: a shutdown must not.
      const closed = await settlesWithin(closing, options.shutdownGraceMs);
      if (!closed) {
        options.logError(
          'Shutdown',
          new Error(
            `Redis did not let the workers close within ${options.shutdownGraceMs} ms; a job still running will be recovered when its lock expires.`,
          ),
        );
      }
      await settlesWithin(
        Promise.all([...queues.values()].map((queue) => queue.close())),
        options.shutdownGraceMs,
      );
      for (const connection of connections) connection.disconnect();
    },
  };
};
