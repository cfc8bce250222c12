import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  CALENDAR_QUEUE,
  jobChanges,
  publishJobsOf,
  type PublishJob,
  type SchedulableItem,
} from '../calendar/publish-jobs';
import { PermanentJobError, SCHEDULED_ATTEMPTS, type Processor } from '../queue/types';
import { calendarItemsRepository, type CalendarItemRow } from '../repositories/calendar-items';
import { checkerFor, type UserAbility } from '../utils/readable-entry';
import { reportFailure } from '../utils/safe-error';
import { getService } from '../utils/services';
import { abilityOf } from '../utils/user-can';
import { invalidField } from '../utils/validate';

const firePayload = z.object({
  itemId: z.string(),
  action: z.enum(['publish', 'unpublish']),
});

interface Target {
  uid: string;
  documentId: string;
  locale: string | null;
}

type Entry = Record<string, unknown> & { locale?: string | null; publishedAt?: string | null };

/** What scheduling reads of an item, saved or about to be. */
export type ScheduleShape = SchedulableItem & { targetLocale?: string | null };

export const targetOf = (row: ScheduleShape): Target | null =>
  row.targetUid && row.targetDocumentId
    ? { uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale ?? null }
    : null;

const calendarSchedulerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const items = calendarItemsRepository(strapi);
  const jobs = () => getService(strapi, 'jobs');
  const audit = () => getService(strapi, 'audit-log');

  const documents = (uid: string) => strapi.documents(uid as never);

  /** The entry's draft in its locale, with its author for "Is creator" conditions. */
  const draftOf = async (target: Target) =>
    (await documents(target.uid).findOne({
      documentId: target.documentId,
      ...(target.locale ? { locale: target.locale } : {}),
      // Roles too: "Has same role as creator" reads them.
      populate: { createdBy: { populate: ['roles'] } } as never,
    })) as Entry | null;

  const publishedOf = async (target: Target) =>
    (await documents(target.uid).findOne({
      documentId: target.documentId,
      status: 'published',
      ...(target.locale ? { locale: target.locale } : {}),
      fields: ['publishedAt'] as never,
    } as never)) as Entry | null;

  const describe = (target: Target) =>
    `${target.uid} ${target.documentId}${target.locale ? ` (${target.locale})` : ''}`;

  /** Why this ability may not publish the target now (null when it may), and the entry. */
  const check = async (ability: UserAbility | null, target: Target) => {
    const type = strapi.contentTypes[target.uid as never] as
      { options?: { draftAndPublish?: boolean } } | undefined;
    if (!type) return { reason: `There is no content type ${target.uid}.`, field: 'target.uid' };
    if (!type.options?.draftAndPublish) {
      return { reason: `${target.uid} has no draft and publish.`, field: 'target.uid' };
    }
    const entry = await draftOf(target);
    if (!entry) {
      return {
        reason: `The entry ${describe(target)} does not exist.`,
        field: 'target.documentId',
      };
    }
    if (!ability || !checkerFor(strapi, ability, target.uid).can.publish(entry)) {
      return { reason: `The scheduler may not publish ${describe(target)}.`, entry };
    }
    return { reason: null, entry };
  };

  /**
   * Moves the item on only while it still holds this job: its status and this job's time
   * (compare-and-set). A job the editor has moved, cancelled or deleted since changes nothing.
   */
  const settle = async (job: PublishJob, from: string[], data: Record<string, unknown>) =>
    (
      await strapi.db.query(items.uid as never).updateMany({
        where: { documentId: job.itemId, status: { $in: from }, [`${job.action}At`]: job.at },
        data,
      })
    ).count > 0;

  const record = (row: CalendarItemRow, job: PublishJob, error?: string) =>
    audit().event({
      action: `calendar.${job.action}`,
      feature: 'calendar',
      outcome: error ? 'error' : 'success',
      userId: row.scheduledById ?? null,
      subjectDocumentId: row.documentId,
      ...(error ? { error } : {}),
    });

  const fail = async (row: CalendarItemRow, job: PublishJob, reason: string) => {
    if (await settle(job, ['scheduled', 'published'], { status: 'failed', error: reason })) {
      await record(row, job, reason);
    }
  };

  const entryOf = (target: Target) => ({
    documentId: target.documentId,
    ...(target.locale ? { locale: target.locale } : {}),
  });

  /**
   * Publishes once, in one transaction: the item is claimed (from `scheduled`, at this job's
   * time, not yet fired), the entry published and the item marked published, or none of it. A
   * second run of the job (a worker that lost its lock, a retry) waits on the claimed row and
   * finds it published. An unpublish time already past (both fell due while every instance
   * was down) is done in the same run, after it.
   */
  const publish = async (row: CalendarItemRow, target: Target, job: PublishJob) => {
    const done = await strapi.db.transaction(async () => {
      if (!(await settle(job, ['scheduled'], { firedAt: new Date() }))) return false;
      await documents(target.uid).publish(entryOf(target) as never);
      await settle(job, ['scheduled'], {
        status: 'published',
        lateMs: Date.now() - job.at.getTime(),
        error: null,
      });
      return true;
    });
    if (!done) return;
    await record(row, job);
    const unpublishAt = row.unpublishAt ? new Date(row.unpublishAt) : null;
    if (unpublishAt && unpublishAt <= new Date()) {
      await unpublish(row, target, { ...job, action: 'unpublish', at: unpublishAt });
    }
  };

  const unpublish = async (row: CalendarItemRow, target: Target, job: PublishJob) => {
    // Both fell due while every instance was down: the publish runs it once it is done.
    if (row.status === 'scheduled' && row.publishAt) return;
    const done = await strapi.db.transaction(async () => {
      const from = ['scheduled', 'published'];
      if (!(await settle(job, from, { status: 'unpublished', error: null }))) {
        return false;
      }
      if (await publishedOf(target))
        await documents(target.uid).unpublish(entryOf(target) as never);
      return true;
    });
    if (done) await record(row, job);
  };

  const processor: Processor = async ({ id, data, attempt }) => {
    const payload = firePayload.safeParse(data);
    if (!payload.success) throw new PermanentJobError('A calendar job could not be read.');
    const { itemId, action } = payload.data;
    // A database away for longer than the attempts last fails the job and leaves the item
    // scheduled: the next reconcile runs the job again.
    const row = await items.find(itemId);
    // Deleted, moved, cancelled or done since: this job is not the item's any more.
    const job = publishJobsOf(row).find((candidate) => candidate.id === id);
    if (!row || !job) return;
    const target = targetOf(row)!;
    const { reason } = await check(
      row.scheduledById ? await abilityOf(strapi, row.scheduledById) : null,
      target,
    );
    if (reason) return fail(row, job, reason);
    try {
      if (action === 'publish') await publish(row, target, job);
      else await unpublish(row, target, job);
    } catch (error) {
      const message = reportFailure(strapi, error, `calendar ${action} ${itemId}`);
      // A refusal by the entry itself (a required field empty) will not pass on another try.
      if (error instanceof errors.ApplicationError || attempt >= SCHEDULED_ATTEMPTS) {
        await fail(row, job, message);
        throw new PermanentJobError(message);
      }
      throw error;
    }
  };

  const payloadOf = (job: PublishJob) => ({ itemId: job.itemId, action: job.action });
  const enqueue = (job: PublishJob) =>
    jobs().later(
      CALENDAR_QUEUE,
      job.id,
      payloadOf(job),
      Math.max(0, job.at.getTime() - Date.now()),
    );

  return {
    processor,

    /**
     * Before an item is saved with jobs it did not have (or a new target): their times are
     * ahead, and the user may publish the target in its locale, else 403 (and a line in the audit
     * log). Answers null when nothing new needs the user's authority, else the target's
     * locale as resolved (the default one when none was given).
     */
    async authorize(
      before: ScheduleShape | null,
      after: ScheduleShape,
      actor: { id: number; ability: UserAbility },
      now = new Date(),
    ): Promise<{ locale: string | null; publishes: boolean } | null> {
      const target = targetOf(after);
      const retargeted =
        before !== null && JSON.stringify(targetOf(before)) !== JSON.stringify(target);
      const pending = retargeted ? publishJobsOf(after) : jobChanges(before, after).added;
      if (!target || pending.length === 0) return null;
      for (const job of pending) {
        if (job.at <= now) {
          throw invalidField(`${job.action}At`, 'must be in the future to schedule it');
        }
      }
      const { reason, entry, field } = await check(actor.ability, target);
      if (reason && field) throw invalidField(field, reason);
      // An entry the user may not read is one they cannot know exists.
      if (entry && !checkerFor(strapi, actor.ability, target.uid).can.read(entry)) {
        throw invalidField('target.documentId', `The entry ${describe(target)} does not exist.`);
      }
      const locale = (entry?.locale as string | null | undefined) ?? target.locale;
      const rival = await items.schedulingEntry({ ...target, locale }, after.documentId);
      if (rival) {
        throw invalidField(
          'target.documentId',
          `is already scheduled by the item "${rival.title}": one item publishes an entry`,
        );
      }
      if (reason) {
        await audit().event({
          action: 'calendar.schedule',
          feature: 'calendar',
          outcome: 'error',
          userId: actor.id,
          subjectDocumentId: after.documentId || null,
          error: reason,
        });
        throw new errors.PolicyError(reason);
      }
      return { locale, publishes: pending.some((job) => job.action === 'publish') };
    },

    /** The jobs `after` needs that `before` did not, queued once the item is saved. */
    async arm(before: ScheduleShape | null, after: ScheduleShape) {
      for (const job of jobChanges(before, after).added) await enqueue(job);
    },

    /** The audit log's line for a schedule `authorize` granted, once it is saved and queued. */
    scheduled: (userId: number, documentId: string) =>
      audit().event({
        action: 'calendar.schedule',
        feature: 'calendar',
        outcome: 'success',
        userId,
        subjectDocumentId: documentId,
      }),

    /** The jobs `before` had that `after` does not: a job left behind finds nothing when it fires. */
    async disarm(before: ScheduleShape | null, after: ScheduleShape | null) {
      for (const job of jobChanges(before, after).removed) {
        try {
          await jobs().drop(CALENDAR_QUEUE, job.id);
        } catch (error) {
          strapi.log.warn(
            `[alwrity] Calendar job ${job.id} left in the queue; it does nothing when it fires (${(error as Error).message}).`,
          );
        }
      }
    },

    /**
     * At boot, the documents are the truth: every scheduled item gets its jobs, overdue ones run
     * now (and record how late), and a job that failed for good while the item still waits runs
     * again. Job ids make this safe on every instance at once.
     */
    async reconcile() {
      for (const row of await items.schedulable()) {
        for (const job of publishJobsOf(row)) {
          try {
            const state = await jobs().stateOf(CALENDAR_QUEUE, job.id);
            // Finished while the item still wants it (it found the item not yet saved, or it
            // failed for good): its run changed nothing, so it runs again.
            if (state === 'failed' || state === 'completed') {
              await jobs().rerun(CALENDAR_QUEUE, job.id, payloadOf(job));
            } else if (state === 'unknown') await enqueue(job);
          } catch (error) {
            strapi.log.error(
              `[alwrity] Calendar job ${job.id} not reconciled: ${(error as Error).message}`,
            );
          }
        }
      }
    },
  };
};

export default calendarSchedulerService;
export type CalendarSchedulerService = ReturnType<typeof calendarSchedulerService>;
