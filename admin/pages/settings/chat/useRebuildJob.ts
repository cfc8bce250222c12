import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { IndexView } from '../../../../contracts/chat';
import { JOB_STATUSES, type JobStatus } from '../../../../contracts/jobs';
import { ACTIONS } from '../../../../contracts/permissions';
import { useJobEvents } from '../../../hooks/useJobEvents';
import { usePermissions } from '../../../hooks/usePermissions';
import { CHAT_INDEX_KEY } from './useChatSettings';

const jobEventsPath = (id: string) => `/jobs/${id}/events`;

/** How often the index view is read again when the job's own events cannot be followed. */
const POLL_MS = 2_000;

export const isRunning = (status: string | undefined) =>
  status === 'queued' || status === 'running';

const asStatus = (status: string | undefined): JobStatus | undefined =>
  (JOB_STATUSES as readonly string[]).includes(status ?? '') ? (status as JobStatus) : undefined;

export interface RebuildJobState {
  documentId: string;
  status: JobStatus;
  percent: number;
  /** The job's own words on where it is ("Indexed 40 of 120 entries"). */
  stage: string | null;
  error: string | null;
  /** Why the job's events were refused or lost (another user's job); the view is polled then. */
  liveError?: string;
}

/**
 * The last "Re-index all" job, as its events tell it when the user may read jobs; otherwise,
 * or when the stream is refused, as the index view tells it, read again every few seconds
 * while the job runs. The view is read again once the job ends, for its new counts.
 */
export const useRebuildJob = (rebuild: IndexView['rebuild']): RebuildJobState | null => {
  const client = useQueryClient();
  const { can } = usePermissions();
  const canFollow = can(ACTIONS.jobsRead);
  const documentId = rebuild?.documentId;
  const events = useJobEvents(documentId, canFollow && documentId !== undefined, jobEventsPath);
  // Until the hook has reset for a new job, what it holds is the previous job's.
  const job = events.job?.id === documentId ? events.job : undefined;
  const progress = job ? events.progress : undefined;
  const status = job?.status ?? asStatus(rebuild?.status);
  const running = isRunning(status);
  const live = canFollow && !events.error;

  useEffect(() => {
    if (!running || live) return undefined;
    const timer = window.setInterval(
      () => void client.invalidateQueries({ queryKey: CHAT_INDEX_KEY }),
      POLL_MS,
    );
    return () => window.clearInterval(timer);
  }, [client, running, live]);

  const jobStatus = job?.status;
  const viewStatus = rebuild?.status;
  useEffect(() => {
    // The stream saw the end before the view did: its counts and status are behind.
    if (jobStatus && !isRunning(jobStatus) && jobStatus !== viewStatus) {
      void client.invalidateQueries({ queryKey: CHAT_INDEX_KEY });
    }
  }, [client, jobStatus, viewStatus]);

  if (!documentId || !status) return null;
  return {
    documentId,
    status,
    percent:
      status === 'succeeded'
        ? 100
        : Math.round(progress?.percent ?? job?.progress ?? rebuild?.progress ?? 0),
    stage: progress?.stage ?? job?.stage ?? null,
    error: job?.error ?? null,
    liveError: canFollow ? events.error : undefined,
  };
};
