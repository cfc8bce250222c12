import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import {
  CALENDAR_QUEUE,
  jobChanges,
  publishJobsOf,
  type PublishAction,
  type PublishJob,
  type SchedulableItem,
} from '../calendar/publish-jobs';
import { PermanentJobError, type Processor } from '../queue/types';
import { calendarItemsRepository, type CalendarItemRow } from '../repositories/calendar-items';
import { checkerFor, type UserAbility } from '../utils/readable-entry';
import { reportFailure } from '../utils/safe-error';
import { getService } from '../utils/services';
import { abilityOf } from '../utils/user-can';
import { invalidField } from '../utils/validate';

const firePayload = z.object({
  itemId: z.string(),
  action: z.enum(['publish', 'unpublish']),
  at: z.number(),
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
      populate: ['createdBy'] as never,
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
    if (!type) return { reason: `There is no content type ${target.uid}.` };
    if (!type.options?.draftAndPublish)
      return { reason: `${target.uid} has no draft and publish.` };
    const entry = await draftOf(target);
    if (!entry) return { reason: `The entry ${describe(target)} does not exist.` };
    if (!ability || !checkerFor(strapi, ability, target.uid).can.publish(entry)) {
      return { reason: `The scheduler may not publish ${describe(target)}.`, entry };
    }
    return { reason: null, entry };
  };

  /** The item's row moved on only if it still is what the job expects (compare-and-set). */
  const settle = async (documentId: string, from: string[], data: Record<string, unknown>) =>
    (
      await strapi.db
        .query(items.uid as never)
        .updateMany({ where: { documentId, status: { $in: from } }, data })
    ).count > 0;

  const fail = async (row: CalendarItemRow, action: PublishAction, reason: string) => {
    await settle(row.documentId, ['scheduled', 'published'], { status: 'failed', error: reason });
    await audit().event({
      action: `calendar.${action}`,
      feature: 'calendar',
      outcome: 'error',
      userId: row.scheduledById ?? null,
      subjectDocumentId: row.documentId,
      error: reason,
    });
  };

  const succeed = async (row: CalendarItemRow, action: PublishAction, lateMs: number) => {
    await settle(
      row.documentId,
      action === 'publish' ? ['scheduled'] : ['scheduled', 'published'],
      {
        status: action === 'publish' ? 'published' : 'unpublished',
        ...(action === 'publish' ? { lateMs } : {}),
        error: null,
      },
    );
    await audit().event({
      action: `calendar.${action}`,
      feature: 'calendar',
      outcome: 'success',
      userId: row.scheduledById ?? null,
      subjectDocumentId: row.documentId,
    });
  };

  /**
   * Publishes once: the item is claimed (its fire time written) before the entry is published,
   * so an attempt that died after publishing is told apart from one that died before, by the
   * entry's own publish time.
   */
  const publish = async (row: CalendarItemRow, target: Target, due: Date) => {
    if (row.firedAt) {
      const published = await publishedOf(target);
      if (published?.publishedAt && new Date(published.publishedAt) >= new Date(row.firedAt)) {
        await succeed(row, 'publish', new Date(published.publishedAt).getTime() - due.getTime());
        return;
      }
    } else {
      const claimed = await strapi.db.query(items.uid as never).updateMany({
        where: { documentId: row.documentId, status: 'scheduled', firedAt: { $null: true } },
        data: { firedAt: new Date() },
      });
      if (claimed.count === 0) return;
    }
    await documents(target.uid).publish({
      documentId: target.documentId,
      ...(target.locale ? { locale: target.locale } : {}),
    } as never);
    await succeed(row, 'publish', Date.now() - due.getTime());
  };

  const unpublish = async (row: CalendarItemRow, target: Target) => {
    if (row.status === 'scheduled' && row.publishAt) {
      // Its publish is due first and has not run yet (both overdue after downtime): wait for it.
      throw new Error('The publish of this item runs first.');
    }
    // Already down (an attempt that died after unpublishing): nothing more to do.
    if (await publishedOf(target)) {
      await documents(target.uid).unpublish({
        documentId: target.documentId,
        ...(target.locale ? { locale: target.locale } : {}),
      } as never);
    }
    await succeed(row, 'unpublish', 0);
  };

  const processor: Processor = async ({ id, data, attempt }) => {
    const payload = firePayload.safeParse(data);
    if (!payload.success) throw new PermanentJobError('A calendar job could not be read.');
    const { itemId, action } = payload.data;
    const row = await items.find(itemId);
    // Deleted, moved, cancelled or done since: this job is not the item's any more.
    const job = publishJobsOf(row).find((candidate) => candidate.id === id);
    if (!row || !job) return;
    const target = targetOf(row)!;
    const { reason } = await check(
      row.scheduledById ? await abilityOf(strapi, row.scheduledById) : null,
      target,
    );
    if (reason) {
      await fail(row, action, reason);
      return;
    }
    try {
      if (action === 'publish') await publish(row, target, job.at);
      else await unpublish(row, target);
    } catch (error) {
      const message = reportFailure(strapi, error, `calendar ${action} ${itemId}`);
      // A refusal by the entry itself (a required field empty) will not pass on another try.
      if (error instanceof errors.ApplicationError || attempt >= 3) {
        await fail(row, action, message);
        throw new PermanentJobError(message);
      }
      throw error;
    }
  };

  const enqueue = (job: PublishJob) =>
    jobs().later(
      CALENDAR_QUEUE,
      job.id,
      { itemId: job.itemId, action: job.action, at: job.at.getTime() },
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
    ): Promise<{ locale: string | null } | null> {
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
      const { reason, entry } = await check(actor.ability, target);
      if (reason && !entry) throw invalidField('target.documentId', reason);
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
      return { locale: entry?.locale ?? target.locale };
    },

    /**
     * The jobs `after` needs that `before` did not, added before the item is saved; the user who
     * scheduled them (when `authorize` granted it) goes to the audit log.
     */
    async arm(before: ScheduleShape | null, after: ScheduleShape, scheduledBy: number | null) {
      const { added } = jobChanges(before, after);
      for (const job of added) await enqueue(job);
      if (scheduledBy !== null && added.length) {
        await audit().event({
          action: 'calendar.schedule',
          feature: 'calendar',
          outcome: 'success',
          userId: scheduledBy,
          subjectDocumentId: after.documentId,
        });
      }
    },

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
          const state = await jobs().stateOf(CALENDAR_QUEUE, job.id);
          if (state === 'failed') {
            await jobs().rerun(CALENDAR_QUEUE, job.id, {
              itemId: job.itemId,
              action: job.action,
              at: job.at.getTime(),
            });
          } else if (state === 'unknown') await enqueue(job);
        }
      }
    },
  };
};

export default calendarSchedulerService;
export type CalendarSchedulerService = ReturnType<typeof calendarSchedulerService>;
