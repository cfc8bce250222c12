/** What a processor is given: its payload, a signal that fires on cancel or shutdown, and progress. */
export interface JobContext<D = unknown> {
  id: string;
  queue: string;
  data: D;
  attempt: number;
  signal: AbortSignal;
  progress(update: ProgressUpdate): Promise<void>;
  /** The time a schedule fired this job for: each such time is one job, whoever runs it. */
  scheduledAt?: Date;
}

/** When a schedule fires: a cron pattern read in an IANA time zone. */
export interface RepeatSpec {
  pattern: string;
  tz: string;
}

export interface ProgressUpdate {
  percent: number;
  stage?: string;
  /** Small, JSON-safe details for live views (e.g. the text written so far). */
  detail?: Record<string, unknown>;
}

export type Processor = (context: JobContext) => Promise<unknown>;

/** Why a signal fired: the user canceled the job, or this process is shutting down. */
export type AbortReason = 'canceled' | 'shutdown';

export type DriverJobState = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'unknown';

export type JobEvent =
  | { type: 'progress'; id: string; progress: ProgressUpdate }
  | { type: 'active' | 'completed' | 'failed' | 'removed'; id: string; error?: string };

/** Attempts at a fired schedule's job; each time it fires has its own id, so retries add none. */
export const SCHEDULED_ATTEMPTS = 3;

export interface EnqueueOptions {
  attempts: number;
  /** Milliseconds to wait before the job may run (a calendar's publish time). */
  delay?: number;
}

/** The seam between the plugin's job service and BullMQ (or the in-process stand-in). */
export interface QueueDriver {
  readonly kind: 'bullmq' | 'inline';
  /** Adds the job unless one with this id exists. */
  enqueue(queue: string, id: string, data: unknown, options: EnqueueOptions): Promise<void>;
  state(queue: string, id: string): Promise<DriverJobState>;
  /** Removes a waiting job, or signals the worker running it (wherever it runs). */
  cancel(queue: string, id: string): Promise<void>;
  /** Re-runs a finished job under the same id. */
  retry(queue: string, id: string, data: unknown, options: EnqueueOptions): Promise<void>;
  subscribe(queue: string, id: string, listener: (event: JobEvent) => void): Promise<() => void>;
  /**
   * Adds `data` to `queue` at each time `repeat` names, once per time however many processes
   * hold the schedule; replaces a schedule of the same id.
   */
  schedule(queue: string, id: string, repeat: RepeatSpec, data: unknown): Promise<void>;
  unschedule(queue: string, id: string): Promise<void>;
  /** The ids of the schedules `queue` holds. */
  schedules(queue: string): Promise<string[]>;
  startWorkers(processors: Record<string, Processor>, concurrency: number): Promise<void>;
  /** Tells every process listening on `topic` (this one too), whether or not it runs workers. */
  broadcast(topic: string, message: unknown): Promise<void>;
  /**
   * Hears `topic`'s messages; `null` means some may have been missed (the connection was lost and
   * is back), so whatever they keep current should be read again.
   */
  listen(topic: string, listener: (message: unknown) => void): Promise<() => void>;
  /**
   * Adds `by` to a counter every process shares, which starts on its first add and is gone
   * `windowMs` later (a rate limit's window, a day's budget): its value now and the time left.
   */
  count(key: string, by: number, windowMs: number): Promise<{ value: number; resetMs: number }>;
  close(): Promise<void>;
}

export const abortReasonOf = (signal: AbortSignal): AbortReason =>
  signal.reason === 'shutdown' ? 'shutdown' : 'canceled';

/** Thrown by a processor when another attempt cannot help: the job failed for good, or was canceled. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** Redis could not be reached: nothing was queued or changed, and trying again later may work. */
export class QueueUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      'The job queue is unreachable: Redis is not answering. Nothing was queued; try again in a moment.',
      {
        cause,
      },
    );
    this.name = 'QueueUnavailableError';
  }
}
