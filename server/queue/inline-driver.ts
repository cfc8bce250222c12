import { EventEmitter } from 'node:events';
import {
  PermanentJobError,
  type DriverJobState,
  type JobEvent,
  type Processor,
  type QueueDriver,
} from './types';

interface InlineJob {
  queue: string;
  id: string;
  data: unknown;
  attempts: number;
  attempt: number;
  state: DriverJobState;
  controller?: AbortController;
}

/**
 * Runs jobs in this process, for development without Redis. Same contract as BullMQ's driver,
 * but nothing survives a restart: the job service re-enqueues unfinished documents at boot.
 */
export const createInlineDriver = (): QueueDriver => {
  const jobs = new Map<string, InlineJob>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const pending: InlineJob[] = [];
  let processors: Record<string, Processor> = {};
  let concurrency = 1;
  let running = 0;
  let closed = false;
  const idle = new Set<() => void>();

  const key = (queue: string, id: string) => `${queue}\u0000${id}`;
  const emit = (job: InlineJob, event: JobEvent) => events.emit(key(job.queue, job.id), event);

  const pump = () => {
    while (!closed && running < concurrency && pending.length) {
      const job = pending.shift()!;
      const processor = processors[job.queue];
      if (!processor) continue;
      running += 1;
      void execute(job, processor).finally(() => {
        running -= 1;
        if (running === 0) idle.forEach((resolve) => resolve());
        pump();
      });
    }
  };

  const execute = async (job: InlineJob, processor: Processor) => {
    job.state = 'active';
    job.attempt += 1;
    job.controller = new AbortController();
    emit(job, { type: 'active', id: job.id });
    try {
      await processor({
        id: job.id,
        queue: job.queue,
        data: job.data,
        attempt: job.attempt,
        signal: job.controller.signal,
        progress: async (progress) => {
          emit(job, { type: 'progress', id: job.id, progress });
        },
      });
      job.state = 'completed';
      emit(job, { type: 'completed', id: job.id });
    } catch (error) {
      const aborted = job.controller.signal.aborted;
      if (!aborted && !(error instanceof PermanentJobError) && job.attempt < job.attempts) {
        job.state = 'waiting';
        pending.push(job);
        return;
      }
      job.state = 'failed';
      emit(job, { type: 'failed', id: job.id, error: (error as Error)?.message });
    }
  };

  return {
    kind: 'inline',
    async enqueue(queue, id, data, options) {
      if (jobs.has(key(queue, id))) return;
      const job: InlineJob = {
        queue,
        id,
        data,
        attempts: options.attempts,
        attempt: 0,
        state: 'waiting',
      };
      jobs.set(key(queue, id), job);
      pending.push(job);
      setImmediate(pump);
    },
    async state(queue, id) {
      return jobs.get(key(queue, id))?.state ?? 'unknown';
    },
    async cancel(queue, id) {
      const job = jobs.get(key(queue, id));
      if (!job) return;
      const index = pending.indexOf(job);
      if (index >= 0) {
        pending.splice(index, 1);
        jobs.delete(key(queue, id));
        emit(job, { type: 'removed', id });
      } else {
        job.controller?.abort('canceled');
      }
    },
    async retry(queue, id, data, options) {
      const existing = jobs.get(key(queue, id));
      if (existing && (existing.state === 'active' || existing.state === 'waiting')) return;
      jobs.delete(key(queue, id));
      await this.enqueue(queue, id, data, options);
    },
    async subscribe(queue, id, listener) {
      events.on(key(queue, id), listener);
      return () => events.off(key(queue, id), listener);
    },
    async startWorkers(given, limit) {
      processors = given;
      concurrency = limit;
      pump();
    },
    async close() {
      closed = true;
      pending.length = 0;
      for (const job of jobs.values()) job.controller?.abort('shutdown');
      if (running > 0) await new Promise<void>((resolve) => idle.add(resolve));
      events.removeAllListeners();
    },
  };
};
