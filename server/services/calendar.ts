import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  EXPORT_MAX_ITEMS,
  type CalendarItemView,
  type CreateItemBody,
  type ExportItemsQuery,
  type ListItemsQuery,
  type UpdateItemBody,
} from '../../contracts/calendar';
import { paginationOf } from '../../contracts/jobs';
import { fromWallTime, toWallTime } from '../../contracts/zoned-time';
import {
  calendarItemsRepository,
  type CalendarItemFields,
  type CalendarItemRow,
} from '../repositories/calendar-items';
import type { Scope } from '../utils/permission-scope';
import type { Actor } from '../utils/readable-entry';
import { getService } from '../utils/services';
import { ConflictError } from '../utils/http-errors';
import { invalidField } from '../utils/validate';
import type { ScheduleShape } from './calendar-scheduler';

const iso = (value: string | Date | null | undefined) =>
  value ? new Date(value).toISOString() : null;
const local = (value: string | null, timezone: string) =>
  value ? toWallTime(new Date(value), timezone) : null;

export const toItemView = (row: CalendarItemRow): CalendarItemView => ({
  documentId: row.documentId,
  title: row.title,
  brief: row.brief ?? null,
  status: row.status,
  channel: row.channel as CalendarItemView['channel'],
  target: row.targetUid
    ? { uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale }
    : null,
  publishAt: iso(row.publishAt),
  publishAtLocal: local(row.publishAt, row.timezone),
  unpublishAt: iso(row.unpublishAt),
  unpublishAtLocal: local(row.unpublishAt, row.timezone),
  timezone: row.timezone,
  assigneeId: row.assigneeId ?? null,
  focusKeyphrase: row.focusKeyphrase ?? null,
  tags: row.tags ?? [],
  lateMs: row.lateMs ?? null,
  generationDocumentId: row.generationDocumentId ?? null,
  error: row.error ?? null,
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
});

type Times = Pick<CalendarItemFields, 'publishAt' | 'unpublishAt'>;

/** The editor's wall times as instants in the item's zone; unpublishing comes after publishing. */
const instantsOf = (
  given: { publishAt?: string | null; unpublishAt?: string | null },
  timezone: string,
  current: { publishAt: Date | null; unpublishAt: Date | null },
): Times => {
  const instant = (field: 'publishAt' | 'unpublishAt') => {
    const wall = given[field];
    if (wall === undefined) return current[field];
    if (wall === null) return null;
    try {
      return fromWallTime(wall, timezone);
    } catch (error) {
      throw invalidField(field, (error as Error).message);
    }
  };
  const times = { publishAt: instant('publishAt'), unpublishAt: instant('unpublishAt') };
  if (times.publishAt && times.unpublishAt && times.unpublishAt <= times.publishAt) {
    throw invalidField('unpublishAt', 'must be after publishAt');
  }
  return times;
};

const targetFields = (target: CreateItemBody['target'] | null) => ({
  targetUid: target?.uid ?? null,
  targetDocumentId: target?.documentId ?? null,
  targetLocale: target?.locale ?? null,
});

const SOONEST_FIRST: Record<string, 'asc' | 'desc'>[] = [{ publishAt: 'asc' }, { id: 'asc' }];

const whereOf = (query: ExportItemsQuery) => ({
  publishAt: { $gte: new Date(query.from), $lt: new Date(query.to) },
  ...(query.channel ? { channel: query.channel } : {}),
  ...(query.status ? { status: query.status } : {}),
  ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
  ...(query.uid ? { targetUid: query.uid } : {}),
  ...(query.locale ? { targetLocale: query.locale } : {}),
});

/** A scheduled item names the entry it publishes and a time to do it. */
const assertSchedulable = (item: Partial<CalendarItemFields>) => {
  if (item.status !== 'scheduled') return;
  if (!item.targetUid || !item.targetDocumentId) {
    throw invalidField('target.documentId', 'is needed to schedule an item');
  }
  if (!item.publishAt && !item.unpublishAt) {
    throw invalidField('publishAt', 'is needed to schedule an item');
  }
};

/** What scheduling reads of fields about to be saved under `documentId`. */
const shapeOf = (documentId: string, fields: Partial<CalendarItemFields>): ScheduleShape => ({
  documentId,
  status: fields.status ?? 'idea',
  targetUid: fields.targetUid ?? null,
  targetDocumentId: fields.targetDocumentId ?? null,
  targetLocale: fields.targetLocale ?? null,
  publishAt: fields.publishAt ?? null,
  unpublishAt: fields.unpublishAt ?? null,
});

/** The values `row` had for the fields `saved` wrote. */
const restoreOf = (row: CalendarItemRow, saved: Partial<CalendarItemFields>) =>
  Object.fromEntries(
    Object.keys(saved).map((field) => [
      field,
      (row as unknown as Record<string, unknown>)[field] ?? null,
    ]),
  ) as Partial<CalendarItemFields>;

/** Fields a row holds, as the ones a save takes. */
const fieldsOf = (row: CalendarItemRow): Partial<CalendarItemFields> => ({
  status: row.status,
  targetUid: row.targetUid,
  targetDocumentId: row.targetDocumentId,
  targetLocale: row.targetLocale,
  publishAt: row.publishAt ? new Date(row.publishAt) : null,
  unpublishAt: row.unpublishAt ? new Date(row.unpublishAt) : null,
});

/** A new schedule runs under the user who set it; a new publish starts with none recorded. */
const granted = (grant: { locale: string | null; publishes: boolean } | null, actor: Actor) =>
  grant
    ? {
        targetLocale: grant.locale,
        scheduledById: actor.id,
        error: null,
        ...(grant.publishes ? { firedAt: null, lateMs: null } : {}),
      }
    : {};

const calendarService = ({ strapi }: { strapi: Core.Strapi }) => {
  const items = calendarItemsRepository(strapi);
  const scheduler = () => getService(strapi, 'calendar-scheduler');

  const mustFind = async (documentId: string, scope?: Scope) => {
    const row = await items.find(documentId, scope);
    if (!row) throw new errors.NotFoundError(`No calendar item ${documentId}.`);
    return row;
  };

  return {
    /** The items whose publish time falls in the range, soonest first. */
    async list(query: ListItemsQuery, scope?: Scope) {
      const { rows, total } = await items.page(whereOf(query), query, scope, SOONEST_FIRST);
      return { data: rows.map(toItemView), meta: { pagination: paginationOf(query, total) } };
    },

    /** A view's range whole (for an ICS export), up to EXPORT_MAX_ITEMS. */
    async exportable(query: ExportItemsQuery, scope?: Scope): Promise<CalendarItemView[]> {
      const page = { page: 1, pageSize: EXPORT_MAX_ITEMS };
      const { rows } = await items.page(whereOf(query), page, scope, SOONEST_FIRST);
      return rows.map(toItemView);
    },

    /** Nothing is kept unless the queue took the item's jobs. */
    async create(body: CreateItemBody, actor: Actor): Promise<CalendarItemView> {
      const { target, publishAt, unpublishAt, ...given } = body;
      const fields: Partial<CalendarItemFields> = {
        ...given,
        brief: given.brief ?? null,
        assigneeId: given.assigneeId ?? null,
        focusKeyphrase: given.focusKeyphrase ?? null,
        ...targetFields(target ?? null),
        ...instantsOf({ publishAt, unpublishAt }, body.timezone, {
          publishAt: null,
          unpublishAt: null,
        }),
      };
      assertSchedulable(fields);
      const grant = await scheduler().authorize(null, shapeOf('', fields), actor);
      const created = await items.create({ ...fields, ...granted(grant, actor) }, actor.id);
      const saved = { ...fields, ...granted(grant, actor) };
      try {
        await scheduler().arm(null, shapeOf(created.documentId, saved));
      } catch (error) {
        await items.remove(created.documentId);
        throw error;
      }
      if (grant) await scheduler().scheduled(actor.id, created.documentId);
      return toItemView(await mustFind(created.documentId));
    },

    /**
     * Saved only while the item is in the status it was read in (a job that published it since
     * makes this a 409); its new jobs are queued next, and when the queue cannot take them the
     * item gets its old values back. Jobs it no longer needs leave the queue last.
     */
    async update(documentId: string, body: UpdateItemBody, scope: Scope, actor: Actor) {
      const row = await mustFind(documentId, scope);
      const { target, publishAt, unpublishAt, ...given } = body;
      const timezone = body.timezone ?? row.timezone;
      // A new zone keeps the wall times the editor sees: 09:00 stays 09:00, in the new zone.
      const walls = body.timezone
        ? {
            publishAt: publishAt !== undefined ? publishAt : local(row.publishAt, row.timezone),
            unpublishAt:
              unpublishAt !== undefined ? unpublishAt : local(row.unpublishAt, row.timezone),
          }
        : { publishAt, unpublishAt };
      const changes: Partial<CalendarItemFields> = {
        ...given,
        ...(target !== undefined ? targetFields(target) : {}),
        ...instantsOf(walls, timezone, {
          publishAt: row.publishAt ? new Date(row.publishAt) : null,
          unpublishAt: row.unpublishAt ? new Date(row.unpublishAt) : null,
        }),
      };
      const before = shapeOf(documentId, fieldsOf(row));
      const after = { ...fieldsOf(row), ...changes };
      assertSchedulable(after);
      const grant = await scheduler().authorize(before, shapeOf(documentId, after), actor);
      const saved = { ...changes, ...granted(grant, actor) };
      const next = shapeOf(documentId, { ...after, ...saved });
      if (!(await items.updateWhile(documentId, row.status, saved))) {
        throw new ConflictError(
          'This item changed while you edited it (its schedule ran): reload it and try again.',
        );
      }
      try {
        await scheduler().arm(before, next);
      } catch (error) {
        await items.update(documentId, restoreOf(row, saved));
        throw error;
      }
      if (grant) await scheduler().scheduled(actor.id, documentId);
      await scheduler().disarm(before, next);
      return toItemView(await mustFind(documentId));
    },

    /** The item goes first: a job left in the queue finds no item when it fires. */
    async remove(documentId: string, scope?: Scope) {
      const row = await mustFind(documentId, scope);
      await items.remove(documentId);
      await scheduler().disarm(shapeOf(documentId, fieldsOf(row)), null);
    },
  };
};

export default calendarService;
export type CalendarService = ReturnType<typeof calendarService>;
