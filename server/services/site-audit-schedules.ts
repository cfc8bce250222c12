import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { paginationOf } from '../../contracts/jobs';
import { ACTIONS } from '../../contracts/permissions';
import type {
  ListSchedulesQuery,
  ScheduleBody,
  ScheduleUpdate,
  ScheduleView,
} from '../../contracts/site-audit-schedules';
import type { CrawlOptions, SiteAuditBody } from '../../contracts/site-audits';
import { nextRuns, repeatProblem, type Repeat } from '../queue/repeat';
import { PermanentJobError, type Processor } from '../queue/types';
import {
  siteAuditSchedulesRepository,
  type ScheduleFields,
  type ScheduleRow,
} from '../repositories/site-audit-schedules';
import { siteAuditsRepository } from '../repositories/site-audits';
import type { Scope } from '../utils/permission-scope';
import { pluginConfig } from '../utils/plugin-config';
import { reportFailure } from '../utils/safe-error';
import type { Actor } from '../utils/readable-entry';
import { getService } from '../utils/services';
import { userCan } from '../utils/user-can';
import { invalidField } from '../utils/validate';

/** The queue a recurring audit fires into: one BullMQ job scheduler per schedule. */
export const SCHEDULE_QUEUE = 'site-audit-schedule';

const firePayload = z.object({ scheduleId: z.string().min(1) }).strict();

const iso = (value: string | Date | null | undefined) =>
  value ? new Date(value).toISOString() : null;

const CRAWL_FIELDS = ['maxPages', 'maxDepth', 'concurrency', 'delayMs'] as const;

/** A page audit keeps its keyphrase; a crawl its settings too. */
const optionsOf = (
  scope: 'page' | 'site',
  given: Partial<Record<keyof CrawlOptions, unknown>>,
): Partial<CrawlOptions> =>
  Object.fromEntries(
    Object.entries(given).filter(
      ([field, value]) =>
        value !== undefined &&
        value !== null &&
        (field === 'keyphrase' || (scope === 'site' && CRAWL_FIELDS.includes(field as never))),
    ),
  );

export const toScheduleView = (row: ScheduleRow, now = new Date()): ScheduleView => ({
  documentId: row.documentId,
  url: row.url,
  host: row.host,
  scope: row.scope,
  options: row.options ?? {},
  cron: row.cron,
  timezone: row.timezone,
  enabled: row.enabled !== false,
  nextRunAt: row.enabled !== false ? iso(nextRuns(row, now, 1)[0]) : null,
  lastRunAt: iso(row.lastRunAt),
  lastAuditDocumentId: row.lastAuditDocumentId ?? null,
  lastError: row.lastError ?? null,
  runs: row.runs ?? 0,
  createdAt: iso(row.createdAt)!,
});

const siteAuditSchedulesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const schedules = siteAuditSchedulesRepository(strapi);
  const audits = siteAuditsRepository(strapi);
  const jobs = () => getService(strapi, 'jobs');

  const assertRepeat = (repeat: Repeat) => {
    const minimum = pluginConfig(strapi).siteAnalyzer.minRepeatSeconds * 1000;
    const problem = repeatProblem(repeat, minimum, new Date());
    if (problem) throw invalidField('cron', problem);
  };

  /** Hands the queue the schedule's timing, or takes it away while it is paused. */
  const arm = (row: Pick<ScheduleRow, 'documentId' | 'cron' | 'timezone' | 'enabled'>) =>
    row.enabled !== false
      ? jobs().schedule(
          SCHEDULE_QUEUE,
          row.documentId,
          { pattern: row.cron, tz: row.timezone },
          { scheduleId: row.documentId },
        )
      : jobs().unschedule(SCHEDULE_QUEUE, row.documentId);

  const mustFind = async (documentId: string, scope?: Scope) => {
    const row = await schedules.find(documentId, scope);
    if (!row) throw new errors.NotFoundError(`No recurring audit ${documentId}.`);
    return row;
  };

  const record = (documentId: string, data: Partial<ScheduleFields>) =>
    schedules.update(documentId, { lastRunAt: new Date(), ...data });

  /**
   * One time a schedule fired: its audit starts as the schedule's author, if they may still
   * run audits, and only once for that time (a retried or recovered job finds it started).
   */
  const fire = async (scheduleId: string, scheduledFor: Date) => {
    const row = await schedules.find(scheduleId);
    if (!row) {
      // Deleted while its next job waited.
      await jobs().unschedule(SCHEDULE_QUEUE, scheduleId);
      return;
    }
    if (row.enabled === false || (await audits.startedFor(scheduleId, scheduledFor))) return;
    const userId = row.createdBy?.id;
    if (!userId || !(await userCan(strapi, userId, ACTIONS.siteAuditRun))) {
      await record(scheduleId, {
        lastError: 'Not run: whoever created this recurring audit may no longer run site audits.',
      });
      return;
    }
    const previous = row.lastAuditDocumentId && (await audits.find(row.lastAuditDocumentId));
    if (previous && (previous.status === 'queued' || previous.status === 'running')) {
      await record(scheduleId, { lastError: 'Not run: its previous crawl was still running.' });
      return;
    }
    const body: SiteAuditBody = { url: row.url, scope: row.scope, ...row.options };
    const origin = { schedule: scheduleId, scheduledFor };
    const siteAudits = getService(strapi, 'site-audits');
    try {
      const started =
        row.scope === 'site'
          ? await siteAudits.startCrawl(body, userId, origin)
          : await siteAudits.auditOne(body, userId, origin);
      await record(scheduleId, {
        lastAuditDocumentId: started.documentId,
        lastError: null,
        runs: (row.runs ?? 0) + 1,
      });
    } catch (error) {
      // Another worker started this time's audit first (the database holds one per time).
      if (await audits.startedFor(scheduleId, scheduledFor)) return;
      // The address refused or unreachable this time: the next time tries again.
      const refused = error instanceof errors.ValidationError;
      await record(scheduleId, {
        lastError: refused
          ? error.message.replace(/^Invalid body: url: /, '')
          : reportFailure(strapi, error, `recurring audit ${scheduleId}`),
      });
      if (!refused) throw error;
    }
  };

  return {
    /** Nothing is kept unless the queue took its timing. */
    async create(body: ScheduleBody, actor: Actor): Promise<ScheduleView> {
      assertRepeat(body);
      const url = await getService(strapi, 'fetcher').preflight(body.url, 'url');
      const created = await schedules.create(
        {
          url: url.href,
          host: url.host,
          scope: body.scope,
          options: optionsOf(body.scope, body),
          cron: body.cron,
          timezone: body.timezone,
          enabled: body.enabled,
          runs: 0,
        },
        actor.id,
      );
      try {
        await arm({ ...body, documentId: created.documentId });
      } catch (error) {
        await schedules.remove(created.documentId);
        throw error;
      }
      const saved = await schedules.find(created.documentId);
      if (!saved) throw new errors.NotFoundError(`No recurring audit ${created.documentId}.`);
      return toScheduleView(saved);
    },

    async list(query: ListSchedulesQuery, scope?: Scope) {
      const { rows, total } = await schedules.page(
        query.host ? { host: query.host } : {},
        query,
        scope,
      );
      const now = new Date();
      return {
        data: rows.map((row) => toScheduleView(row, now)),
        meta: { pagination: paginationOf(query, total) },
      };
    },

    /**
     * The queue's timing changes first: when it cannot, nothing changed; when the document then
     * cannot be saved, the queue gets its old timing back.
     */
    async update(documentId: string, update: ScheduleUpdate, scope?: Scope): Promise<ScheduleView> {
      const row = await mustFind(documentId, scope);
      const { cron, timezone, enabled, ...options } = update;
      const next = {
        documentId,
        cron: cron ?? row.cron,
        timezone: timezone ?? row.timezone,
        enabled: enabled ?? row.enabled,
      };
      if (cron || timezone) assertRepeat(next);
      await arm(next);
      try {
        await schedules.update(documentId, {
          cron: next.cron,
          timezone: next.timezone,
          enabled: next.enabled,
          options: optionsOf(row.scope, { ...row.options, ...options }),
        });
      } catch (error) {
        await arm(row).catch(() => undefined);
        throw error;
      }
      const saved = await schedules.find(documentId);
      if (!saved) {
        // Deleted meanwhile: it must not fire again.
        await jobs().unschedule(SCHEDULE_QUEUE, documentId);
        throw new errors.NotFoundError(`No recurring audit ${documentId}.`);
      }
      return toScheduleView(saved);
    },

    /**
     * The document goes first: a timing left in the queue finds no document when it fires and
     * removes itself. The audits it ran stay.
     */
    async remove(documentId: string, scope?: Scope) {
      await mustFind(documentId, scope);
      await schedules.remove(documentId);
      try {
        await jobs().unschedule(SCHEDULE_QUEUE, documentId);
      } catch (error) {
        strapi.log.warn(
          `[alwrity] Recurring audit ${documentId} deleted; its timing leaves the queue when it next fires (${(error as Error).message}).`,
        );
      }
    },

    fire,

    processor: (async ({ data, scheduledAt }) => {
      const payload = firePayload.safeParse(data);
      // Queued by another version: another attempt reads it no better.
      if (!payload.success) throw new PermanentJobError('A recurring audit job could not be read.');
      await fire(payload.data.scheduleId, scheduledAt ?? new Date());
    }) satisfies Processor,

    /**
     * At boot the documents are the truth: each enabled schedule gets its timing (the queue
     * leaves an unchanged one as it is, due time included), and forgets schedules deleted or
     * paused meanwhile. Each is read again just before, so a change another instance made while
     * this one booted is not undone.
     */
    async reconcile() {
      const ids = new Set(await schedules.ids());
      for (const id of ids) {
        try {
          const row = await schedules.find(id);
          if (row) await arm(row);
        } catch (error) {
          strapi.log.error(
            `[alwrity] Recurring audit ${id} not scheduled: ${(error as Error).message}`,
          );
        }
      }
      for (const id of await jobs().schedules(SCHEDULE_QUEUE)) {
        if (ids.has(id)) continue;
        const row = await schedules.find(id);
        if (!row || row.enabled === false) await jobs().unschedule(SCHEDULE_QUEUE, id);
      }
    },
  };
};

export default siteAuditSchedulesService;
export type SiteAuditSchedulesService = ReturnType<typeof siteAuditSchedulesService>;
