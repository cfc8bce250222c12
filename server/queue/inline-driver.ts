import { EventEmitter } from 'node:events';
import { nextRuns } from './repeat';
import {
  PermanentJobError,
  SCHEDULED_ATTEMPTS,
  type DriverJobState,
  type JobEvent,
  type Processor,
  type QueueDriver,
  type RepeatSpec,
} from './types';

// setTimeout waits at most 2^31 − 1 ms (about 24.8 days): a longer wait is taken in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

interface InlineJob {
  queue: string;
  id: string;
  data: unknown;
  attempts: number;
  attempt: number;
  state: DriverJobState;
  controller?: AbortController;
  scheduledAt?: Date;
}

/**
 * Runs jobs in this process, for development without Redis. Same contract as BullMQ's driver,
 * but nothing survives a restart: the job service re-enqueues unfinished documents at boot.
 */
export const createInlineDriver = (): QueueDriver => {
  const jobs = new Map<string, InlineJob>();
  const events = new EventEmitter();
  const counters = new Map<string, { value: number; resetAt: number }>();
  events.setMaxListeners(0);
  const pending: InlineJob[] = [];
  let processors: Record<string, Processor> = {};
  let concurrency = 1;
  let running = 0;
  let closed = false;
  const idle = new Set<() => void>();
  const timers = new Map<string, NodeJS.Timeout>();
  const delayed = new Map<string, NodeJS.Timeout>();

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

  // A schedule's jobs are one per time it fires: kept once done, they would pile up for ever.
  const forgetFired = (job: InlineJob) => {
    if (job.scheduledAt) jobs.delete(key(job.queue, job.id));
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
        ...(job.scheduledAt ? { scheduledAt: job.scheduledAt } : {}),
        progress: async (progress) => {
          emit(job, { type: 'progress', id: job.id, progress });
        },
      });
      job.state = 'completed';
      emit(job, { type: 'completed', id: job.id });
      forgetFired(job);
    } catch (error) {
      const aborted = job.controller.signal.aborted;
      if (!aborted && !(error instanceof PermanentJobError) && job.attempt < job.attempts) {
        job.state = 'waiting';
        pending.push(job);
        return;
      }
      job.state = 'failed';
      emit(job, { type: 'failed', id: job.id, error: (error as Error)?.message });
      forgetFired(job);
    }
  };

  const add = (job: Omit<InlineJob, 'attempt' | 'state'>, delay = 0) => {
    if (jobs.has(key(job.queue, job.id))) return;
    const added: InlineJob = { ...job, attempt: 0, state: delay > 0 ? 'delayed' : 'waiting' };
    jobs.set(key(job.queue, job.id), added);
    if (delay > 0) wake(added, delay);
    else {
      pending.push(added);
      setImmediate(pump);
    }
  };

  /** A delayed job joins the line at its time; a wait past a timer's limit is taken in steps. */
  const wake = (job: InlineJob, delay: number) => {
    const due = Date.now() + delay;
    const step = () => {
      const left = due - Date.now();
      if (left > 0) {
        const timer = setTimeout(step, Math.min(MAX_TIMER_MS, left));
        timer.unref();
        delayed.set(key(job.queue, job.id), timer);
        return;
      }
      delayed.delete(key(job.queue, job.id));
      job.state = 'waiting';
      pending.push(job);
      pump();
    };
    step();
  };

  const arm = (queue: string, id: string, repeat: RepeatSpec, data: unknown) => {
    const [next] = nextRuns({ cron: repeat.pattern, timezone: repeat.tz }, new Date(), 1);
    if (!next || closed) {
      timers.delete(key(queue, id));
      return;
    }
    const timer = setTimeout(
      () => {
        if (Date.now() >= next.getTime()) {
          const perTime = `${id}:${next.getTime()}`;
          add({ queue, id: perTime, data, attempts: SCHEDULED_ATTEMPTS, scheduledAt: next });
        }
        arm(queue, id, repeat, data);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - Date.now())),
    );
    // A schedule alone does not keep the process up.
    timer.unref();
    timers.set(key(queue, id), timer);
  };

  const disarm = (queue: string, id: string) => {
    clearTimeout(timers.get(key(queue, id)));
    timers.delete(key(queue, id));
  };

  return {
    kind: 'inline',
    async enqueue(queue, id, data, options) {
      add({ queue, id, data, attempts: options.attempts }, options.delay);
    },
    async state(queue, id) {
      return jobs.get(key(queue, id))?.state ?? 'unknown';
    },
    async cancel(queue, id) {
      const job = jobs.get(key(queue, id));
      if (!job) return;
      const index = pending.indexOf(job);
      const timer = delayed.get(key(queue, id));
      if (index >= 0 || timer) {
        if (index >= 0) pending.splice(index, 1);
        clearTimeout(timer);
        delayed.delete(key(queue, id));
        jobs.delete(key(queue, id));
        emit(job, { type: 'removed', id });
      } else {
        job.controller?.abort('canceled');
      }
    },
    async retry(queue, id, data, options) {
      const existing = jobs.get(key(queue, id));
      if (existing && ['active', 'waiting', 'delayed'].includes(existing.state)) return;
      jobs.delete(key(queue, id));
      await this.enqueue(queue, id, data, options);
    },
    async subscribe(queue, id, listener) {
      events.on(key(queue, id), listener);
      return () => events.off(key(queue, id), listener);
    },
    async schedule(queue, id, repeat, data) {
      disarm(queue, id);
      arm(queue, id, repeat, data);
    },
    async unschedule(queue, id) {
      disarm(queue, id);
    },
    async schedules(queue) {
      const prefix = key(queue, '');
      return [...timers.keys()]
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length));
    },
    async count(key, by, windowMs) {
      const now = Date.now();
      let counter = counters.get(key);
      if (!counter || counter.resetAt <= now) {
        counter = { value: 0, resetAt: now + windowMs };
        counters.set(key, counter);
      }
      counter.value += by;
      return { value: counter.value, resetMs: counter.resetAt - now };
    },
    async broadcast(topic, message) {
      // As over Redis: listeners hear it later, never inside the caller's own step.
      setImmediate(() => events.emit(`broadcast\u0000${topic}`, message));
    },
    async listen(topic, listener) {
      events.on(`broadcast\u0000${topic}`, listener);
      return () => events.off(`broadcast\u0000${topic}`, listener);
    },
    async startWorkers(given, limit) {
      processors = given;
      concurrency = limit;
      pump();
    },
    async close() {
      closed = true;
      for (const timer of [...timers.values(), ...delayed.values()]) clearTimeout(timer);
      timers.clear();
      delayed.clear();
      pending.length = 0;
      for (const job of jobs.values()) job.controller?.abort('shutdown');
      if (running > 0) await new Promise<void>((resolve) => idle.add(resolve));
      events.removeAllListeners();
    },
  };
};
