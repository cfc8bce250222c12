/**
 * Which delayed jobs a calendar item needs, read off the item alone: the document is the truth,
 * and a job that no longer matches it finds nothing to do when it fires.
 */

export const CALENDAR_QUEUE = 'calendar-publish';

export type PublishAction = 'publish' | 'unpublish';

export interface PublishJob {
  /** Derived from the item, the action and its time: moving the time makes another job. */
  id: string;
  itemId: string;
  action: PublishAction;
  at: Date;
}

export interface SchedulableItem {
  documentId: string;
  status: string;
  targetUid?: string | null;
  targetDocumentId?: string | null;
  publishAt?: string | Date | null;
  unpublishAt?: string | Date | null;
}

export const publishJobId = (itemId: string, action: PublishAction, at: Date) =>
  `${action}-${itemId}-${at.getTime()}`;

const job = (itemId: string, action: PublishAction, at: string | Date): PublishJob => {
  const instant = new Date(at);
  return { id: publishJobId(itemId, action, instant), itemId, action, at: instant };
};

/**
 * A scheduled item with a target publishes at its time; one scheduled or published unpublishes
 * at its time, and is then `unpublished`.
 */
export const publishJobsOf = (item: SchedulableItem | null): PublishJob[] => {
  if (!item?.targetUid || !item.targetDocumentId) return [];
  const jobs: PublishJob[] = [];
  if (item.status === 'scheduled' && item.publishAt) {
    jobs.push(job(item.documentId, 'publish', item.publishAt));
  }
  if ((item.status === 'scheduled' || item.status === 'published') && item.unpublishAt) {
    jobs.push(job(item.documentId, 'unpublish', item.unpublishAt));
  }
  return jobs;
};

/** The jobs `after` needs that `before` did not have, and those it no longer needs. */
export const jobChanges = (before: SchedulableItem | null, after: SchedulableItem | null) => {
  const old = publishJobsOf(before);
  const next = publishJobsOf(after);
  const ids = (jobs: PublishJob[]) => new Set(jobs.map((j) => j.id));
  const oldIds = ids(old);
  const nextIds = ids(next);
  return {
    added: next.filter((j) => !oldIds.has(j.id)),
    removed: old.filter((j) => !nextIds.has(j.id)),
  };
};
