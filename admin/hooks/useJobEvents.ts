import { useEffect, useState } from 'react';
import { TERMINAL_STATUSES, type JobView } from '../../contracts/jobs';
import { EventStreamError, isAbort, streamEvents } from '../utils/event-stream';

/** A `progress` event: what the job's processor last reported. */
export interface JobProgressEvent {
  percent: number;
  stage?: string;
  detail?: Record<string, unknown>;
}

export interface JobEventsState {
  job?: JobView;
  progress?: JobProgressEvent;
  /** Why following stopped: a refusal (403 without the read permission, 404), or the stream kept failing. */
  error?: string;
}

const MAX_RECONNECTS = 6;

const generationEventsPath = (id: string) => `/generations/${id}/events`;

/**
 * Follows a job's events route (a generation's by default, or a site audit's) while `enabled`.
 * A stream that ends before the job does (a proxy timeout, a Strapi restart) is opened again
 * with backoff, so a long post keeps moving on screen; the server starts each stream with a
 * fresh `job` snapshot.
 */
export const useJobEvents = (
  id: string | undefined,
  enabled: boolean,
  eventsPathOf: (id: string) => string = generationEventsPath,
): JobEventsState => {
  const [state, setState] = useState<JobEventsState>({});
  // The effect depends on the path, not on the function: an inline one would reopen the
  // stream on every render.
  const path = id ? eventsPathOf(id) : undefined;

  useEffect(() => {
    if (!path || !enabled) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    setState({});

    const connect = async () => {
      let finished = false;
      try {
        await streamEvents(path, {
          signal: controller.signal,
          onEvent: ({ event, data }) => {
            failures = 0;
            if (event === 'job') {
              const job = data as JobView;
              finished = TERMINAL_STATUSES.includes(job.status);
              setState((previous) => ({ ...previous, job, error: undefined }));
            } else if (event === 'progress') {
              setState((previous) => ({ ...previous, progress: data as JobProgressEvent }));
            }
          },
        });
      } catch (error) {
        if (controller.signal.aborted || isAbort(error)) return;
        const refused = error instanceof EventStreamError && error.status < 500;
        if (refused || failures >= MAX_RECONNECTS) {
          setState((previous) => ({
            ...previous,
            error: error instanceof Error ? error.message : String(error),
          }));
          return;
        }
      }
      if (finished || controller.signal.aborted) return;
      failures += 1;
      timer = setTimeout(() => void connect(), Math.min(30_000, 500 * 2 ** failures));
    };

    void connect();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [path, enabled]);

  return state;
};
