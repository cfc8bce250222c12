/** What a processor is given: its payload, a signal that fires on cancel or shutdown, and progress. */
export interface JobContext<D = unknown> {
  id: string;
  queue: string;
  data: D;
  attempt: number;
  signal: AbortSignal;
  progress(update: ProgressUpdate): Promise<void>;
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

export interface EnqueueOptions {
  attempts: number;
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
  startWorkers(processors: Record<string, Processor>, concurrency: number): Promise<void>;
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
