import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  TERMINAL_STATUSES,
  paginationOf,
  type JobStatus,
  type JobView,
  type ListJobsQuery,
  type Pagination,
} from '../../contracts/jobs';
import { createCallSlots, type CallSlots } from '../ai/call-slots';
import { createInlineDriver } from '../queue/inline-driver';
import {
  jobPayload,
  type JobDocument,
  type JobDocumentStore,
  type JobKind,
  type JobPayload,
} from '../queue/job-kind';
import {
  abortReasonOf,
  PermanentJobError,
  SCHEDULED_ATTEMPTS,
  type JobContext,
  type JobEvent,
  type Processor,
  type ProgressUpdate,
  type QueueDriver,
  type RepeatSpec,
} from '../queue/types';
import { redisConnection } from '../queue/redis-connection';
import { pluginConfig } from '../utils/plugin-config';
import type { Scope } from '../utils/permission-scope';
import { reportFailure } from '../utils/safe-error';

const PROGRESS_WRITE_INTERVAL_MS = 250;
// Enough for a worker to stop its model call and hand the job back to the queue.
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * Jobs a worker holds per model-call slot. Between two calls a job saves its draft and reports
 * progress; with more jobs ready than slots, that work no longer leaves a slot idle (measured in
 * `bench/writers.js`: three per slot keeps the 50-job batch within 1.2× its ideal time, two not).
 */
const JOBS_PER_CALL_SLOT = 3;

export const toJobView = (kind: string, doc: JobDocument): JobView => ({
  id: doc.documentId,
  kind: doc.kind ?? kind,
  title: doc.title ?? null,
  status: doc.status,
  progress: doc.progress ?? 0,
  stage: doc.stage ?? null,
  error: doc.error ?? null,
  attempts: doc.attempts ?? 0,
  createdAt: new Date(doc.createdAt).toISOString(),
  startedAt: doc.startedAt ? new Date(doc.startedAt).toISOString() : null,
  finishedAt: doc.finishedAt ? new Date(doc.finishedAt).toISOString() : null,
  durationMs:
    doc.startedAt && doc.finishedAt
      ? new Date(doc.finishedAt).getTime() - new Date(doc.startedAt).getTime()
      : null,
  ...(doc.status === 'succeeded' && doc.output !== undefined ? { result: doc.output } : {}),
});

const jobsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const kinds = new Map<string, JobKind<never>>();
  // Queues whose jobs are not documents of their own (a schedule firing starts one elsewhere).
  const plainProcessors = new Map<string, Processor>();
  let driver: QueueDriver | undefined;
  const callSlots = new Map<string, CallSlots>();
  // The order jobs were claimed in this process: the earlier claimed gets the next free slot.
  let claims = 0;
  const slotsOf = (queue: string) => {
    let slots = callSlots.get(queue);
    if (!slots) {
      slots = createCallSlots(pluginConfig(strapi).limits.concurrency);
      callSlots.set(queue, slots);
    }
    return slots;
  };

  const requireDriver = () => {
    if (!driver) throw new Error('The job queue is not started yet.');
    return driver;
  };

  /** Compare-and-set on status, so two workers can never both move a job forward. */
  const transition = (
    kind: JobKind<never>,
    id: string,
    from: JobStatus[],
    data: Record<string, unknown>,
  ) => kind.store.transition(id, from, data);

  /** One store per content type, whichever kind registered it. */
  const stores = (): JobDocumentStore[] => [
    ...new Map([...kinds.values()].map((kind) => [kind.store.uid, kind.store])).values(),
  ];

  /** The job kind that runs this document: the one naming its `kind`, else its store's catch-all. */
  const kindFor = (store: JobDocumentStore, doc: { kind?: string }): JobKind<never> | undefined => {
    const candidates = [...kinds.values()].filter((kind) => kind.store.uid === store.uid);
    return (
      candidates.find((kind) => kind.documentKinds?.includes(doc.kind ?? '')) ??
      candidates.find((kind) => !kind.documentKinds)
    );
  };

  /** Narrows a query on the kind's content type to the documents this kind runs. */
  const whereOfKind = (kind: JobKind<never>, where: Record<string, unknown> = {}) =>
    kind.documentKinds ? { ...where, kind: { $in: [...kind.documentKinds] } } : where;

  /** The document behind a job id, if the caller's scope (their role's conditions) reaches it. */
  const findDocument = async (
    id: string,
    scope?: Scope,
  ): Promise<{ kind: JobKind<never>; doc: JobDocument } | null> => {
    for (const store of stores()) {
      const doc = await store.find(id, scope);
      const kind = doc && kindFor(store, doc);
      if (kind) return { kind, doc };
    }
    return null;
  };

  const mustFind = async (id: string, scope?: Scope) => {
    const found = await findDocument(id, scope);
    if (!found) throw new errors.NotFoundError(`No job with id ${id}.`);
    return found;
  };

  const processorFor = (kind: JobKind<never>) => async (context: JobContext) => {
    const payload = jobPayload.safeParse(context.data);
    if (!payload.success) {
      // A job enqueued by another version, or a corrupt entry: this one fails, the rest go on.
      const message =
        'This job could not be read (it was queued by another version); start it again.';
      strapi.log.error(`[alwrity] job ${context.id}: bad payload: ${payload.error.message}`);
      await transition(kind, context.id, ['queued', 'running'], {
        status: 'failed',
        finishedAt: new Date(),
        error: message,
      });
      throw new PermanentJobError(message);
    }
    const { userId } = payload.data;
    const started = new Date();
    const claimed = await transition(kind, context.id, ['queued', 'running'], {
      status: 'running',
      startedAt: started,
      finishedAt: null,
      error: null,
      attempts: context.attempt,
    });
    // Canceled or already done while it waited: nothing to do.
    if (!claimed) return;

    let lastWrite = 0;
    let lastStage: string | undefined;
    const progress = async (update: ProgressUpdate) => {
      await context.progress(update);
      const now = Date.now();
      if (
        update.stage !== lastStage ||
        update.percent >= 100 ||
        now - lastWrite >= PROGRESS_WRITE_INTERVAL_MS
      ) {
        lastWrite = now;
        lastStage = update.stage;
        await transition(kind, context.id, ['running'], {
          progress: Math.max(0, Math.min(100, Math.round(update.percent))),
          ...(update.stage ? { stage: update.stage } : {}),
        });
      }
    };

    try {
      const gate = slotsOf(kind.name).gate((claims += 1));
      const result = await kind.run({
        ...(context as JobContext<never>),
        progress,
        userId,
        gate,
      });
      await transition(kind, context.id, ['running'], {
        ...result,
        status: 'succeeded',
        progress: 100,
        finishedAt: new Date(),
        error: null,
      });
    } catch (error) {
      if (context.signal.aborted) {
        if (abortReasonOf(context.signal) === 'shutdown') {
          await transition(kind, context.id, ['running'], {
            status: 'queued',
            stage: 'Waiting to resume',
          });
          throw error;
        }
        await transition(kind, context.id, ['running', 'canceled'], {
          ...kind.onFailure?.(error),
          status: 'canceled',
          finishedAt: new Date(),
          error: 'Canceled.',
        });
        throw new PermanentJobError('Canceled.');
      }
      const message = reportFailure(strapi, error, `run ${context.id}`);
      const attemptsLeft = context.attempt < pluginConfig(strapi).limits.jobAttempts;
      if (attemptsLeft && !(error instanceof PermanentJobError) && !kind.isPermanent?.(error)) {
        await transition(kind, context.id, ['running'], {
          status: 'queued',
          error: message,
          stage: 'Retrying',
        });
        throw error;
      }
      await transition(kind, context.id, ['running'], {
        ...kind.onFailure?.(error),
        status: 'failed',
        finishedAt: new Date(),
        error: message,
      });
      throw new PermanentJobError(message);
    }
  };

  const kindOf = (name: string) => {
    const kind = kinds.get(name);
    if (!kind) throw new Error(`Unknown job kind "${name}".`);
    return kind;
  };

  return {
    registerKind<D>(kind: JobKind<D>) {
      kinds.set(kind.name, kind as unknown as JobKind<never>);
    },

    /** A queue whose processor keeps its own records; it runs under the same workers. */
    registerProcessor(queue: string, processor: Processor) {
      plainProcessors.set(queue, processor);
    },

    driverKind: () => requireDriver().kind,

    /** Every queue: the job kinds' (named as they are) and the plain processors'. */
    queueNames: () => [...kinds.keys(), ...plainProcessors.keys()],

    schedule: (queue: string, id: string, repeat: RepeatSpec, data: unknown) =>
      requireDriver().schedule(queue, id, repeat, data),
    unschedule: (queue: string, id: string) => requireDriver().unschedule(queue, id),
    schedules: (queue: string) => requireDriver().schedules(queue),

    /** A plain processor's job, run `delay` ms from now; a no-op when its id is taken. */
    later: (queue: string, id: string, data: unknown, delay: number) =>
      requireDriver().enqueue(queue, id, data, { attempts: SCHEDULED_ATTEMPTS, delay }),
    /** Runs a plain processor's finished (or failed) job again under its id. */
    rerun: (queue: string, id: string, data: unknown) =>
      requireDriver().retry(queue, id, data, { attempts: SCHEDULED_ATTEMPTS }),
    /** Takes a plain processor's waiting or delayed job out of its queue. */
    drop: (queue: string, id: string) => requireDriver().cancel(queue, id),
    stateOf: (queue: string, id: string) => requireDriver().state(queue, id),
    /** A message to every Strapi process of this app (this one too), over Redis when there is one. */
    broadcast: (topic: string, message: unknown) => requireDriver().broadcast(topic, message),
    listen: (topic: string, listener: (message: unknown) => void) =>
      requireDriver().listen(topic, listener),
    /** A counter shared by every process (in Redis when there is one), reset each window. */
    count: (key: string, by: number, windowMs: number) => requireDriver().count(key, by, windowMs),

    async start() {
      const config = pluginConfig(strapi);
      const redis = redisConnection(config.redis);
      if (redis) {
        // Loaded only when used: BullMQ and ioredis add to every boot otherwise.
        const { createBullMQDriver } = await import('../queue/bullmq-driver');
        driver = createBullMQDriver({
          ...redis,
          keepCompleted: 1000,
          keepFailed: 5000,
          shutdownGraceMs: SHUTDOWN_GRACE_MS,
          logError: (what, error) =>
            strapi.log.error(`[alwrity] ${what}: ${(error as Error)?.message ?? error}`),
        });
      } else {
        strapi.log.warn(
          "[alwrity] No Redis configured: jobs run in this process and stop with it (development only). Set REDIS_URL or the plugin's `redis` config for production.",
        );
        driver = createInlineDriver();
      }
      if (config.worker !== 'off' || driver.kind === 'inline') {
        const processors = Object.fromEntries([
          ...[...kinds.values()].map((kind) => [kind.name, processorFor(kind)] as const),
          ...plainProcessors,
        ]);
        await driver.startWorkers(processors, config.limits.concurrency * JOBS_PER_CALL_SLOT);
      }
      await this.resync();
    },

    async stop() {
      await driver?.close();
      driver = undefined;
    },

    /**
     * The documents are the truth: any still queued or running (a Redis flush, an inline driver
     * restarted) are enqueued again; ids already in the queue make this a no-op.
     */
    async resync() {
      for (const store of stores()) {
        for (const doc of await store.pending()) {
          const kind = kindFor(store, doc);
          if (kind) await this.enqueue(kind.name, doc.documentId, { userId: doc.userId });
        }
      }
    },

    async enqueue(kindName: string, id: string, payload: JobPayload) {
      kindOf(kindName);
      await requireDriver().enqueue(kindName, id, payload, {
        attempts: pluginConfig(strapi).limits.jobAttempts,
      });
    },

    async get(id: string, scope?: Scope): Promise<JobView> {
      const found = await mustFind(id, scope);
      return toJobView(found.kind.name, found.doc);
    },

    /**
     * One page of jobs, newest first, without results. From one content type the page is read as
     * it is; across several, each gives its first `page × pageSize` rows (summaries only, and
     * `page` is capped by the query schema) to be merged in date order.
     */
    async list(
      query: ListJobsQuery,
      scope?: Scope,
    ): Promise<{ results: JobView[]; pagination: Pagination }> {
      if (query.kind && !kinds.has(query.kind)) {
        throw new errors.ValidationError(
          `Invalid query: kind: must be one of ${[...kinds.keys()].join(', ')}`,
        );
      }
      const status = query.status ? { status: query.status } : {};
      const sources = query.kind
        ? [{ store: kindOf(query.kind).store, where: whereOfKind(kindOf(query.kind), status) }]
        : stores().map((store) => ({ store, where: status }));
      const single = sources.length === 1;
      const window = single ? query : { page: 1, pageSize: query.page * query.pageSize };
      const pages = await Promise.all(
        sources.map(async ({ store, where }) => {
          const { rows, total } = await store.page(where, window, scope);
          return {
            total,
            rows: rows.map((doc) => toJobView(kindFor(store, doc)?.name ?? '', doc)),
          };
        }),
      );
      const total = pages.reduce((sum, page) => sum + page.total, 0);
      const merged = pages.flatMap(({ rows }) => rows);
      const results = single
        ? merged
        : merged
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
            .slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      return { results, pagination: paginationOf(query, total) };
    },

    async cancel(id: string, scope?: Scope): Promise<JobView> {
      const found = await mustFind(id, scope);
      if (TERMINAL_STATUSES.includes(found.doc.status)) {
        throw new errors.ApplicationError(`This job has already ${found.doc.status}.`);
      }
      await requireDriver().cancel(found.kind.name, id);
      // A waiting job is gone now; a running one is told to stop and records it itself.
      await transition(found.kind, id, ['queued'], {
        status: 'canceled',
        finishedAt: new Date(),
        error: 'Canceled.',
      });
      return this.get(id);
    },

    async retry(id: string, scope?: Scope): Promise<JobView> {
      const found = await mustFind(id, scope);
      if (found.doc.status !== 'failed' && found.doc.status !== 'canceled') {
        throw new errors.ApplicationError(
          `Only failed or canceled jobs can be retried; this one is ${found.doc.status}.`,
        );
      }
      await this.requeue(id, ['failed', 'canceled']);
      return this.get(id);
    },

    /**
     * Runs a finished job again under the same id, from one of `from`, writing `data` with the
     * move to `queued`; when the queue cannot take it, the document goes back as it was.
     */
    async requeue(id: string, from: JobStatus[], data: Record<string, unknown> = {}) {
      const found = await mustFind(id);
      const before = found.doc as JobDocument & Record<string, unknown>;
      const moved = await transition(found.kind, id, from, {
        ...data,
        status: 'queued',
        progress: 0,
        stage: null,
        error: null,
        finishedAt: null,
      });
      if (!moved) {
        throw new errors.ApplicationError(`This job is ${found.doc.status} and cannot be re-run.`);
      }
      try {
        await requireDriver().retry(
          found.kind.name,
          id,
          { userId: before.createdBy?.id ?? null },
          { attempts: pluginConfig(strapi).limits.jobAttempts },
        );
      } catch (error) {
        const restore = Object.fromEntries(
          [...Object.keys(data), 'status', 'progress', 'stage', 'error', 'finishedAt'].map(
            (field) => [field, before[field] ?? null],
          ),
        );
        await transition(found.kind, id, ['queued'], restore);
        throw error;
      }
    },

    async subscribe(id: string, listener: (event: JobEvent) => void, scope?: Scope) {
      const found = await mustFind(id, scope);
      return requireDriver().subscribe(found.kind.name, id, listener);
    },
  };
};

export default jobsService;
export type JobsService = ReturnType<typeof jobsService>;
