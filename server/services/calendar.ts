import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  CalendarItemView,
  CreateItemBody,
  ListItemsQuery,
  UpdateItemBody,
} from '../../contracts/calendar';
import { paginationOf } from '../../contracts/jobs';
import { fromWallTime, toWallTime } from '../calendar/zoned-time';
import {
  calendarItemsRepository,
  type CalendarItemFields,
  type CalendarItemRow,
} from '../repositories/calendar-items';
import type { Scope } from '../utils/permission-scope';
import { invalidField } from '../utils/validate';

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

const calendarService = ({ strapi }: { strapi: Core.Strapi }) => {
  const items = calendarItemsRepository(strapi);

  const mustFind = async (documentId: string, scope?: Scope) => {
    const row = await items.find(documentId, scope);
    if (!row) throw new errors.NotFoundError(`No calendar item ${documentId}.`);
    return row;
  };

  return {
    /** The items whose publish time falls in the range, soonest first. */
    async list(query: ListItemsQuery, scope?: Scope) {
      const where = {
        publishAt: { $gte: new Date(query.from), $lt: new Date(query.to) },
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
        ...(query.uid ? { targetUid: query.uid } : {}),
        ...(query.locale ? { targetLocale: query.locale } : {}),
      };
      const { rows, total } = await items.page(where, query, scope, [
        { publishAt: 'asc' },
        { id: 'asc' },
      ]);
      return { data: rows.map(toItemView), meta: { pagination: paginationOf(query, total) } };
    },

    async create(body: CreateItemBody, userId: number): Promise<CalendarItemView> {
      const { target, publishAt, unpublishAt, ...fields } = body;
      const created = await items.create(
        {
          ...fields,
          brief: fields.brief ?? null,
          assigneeId: fields.assigneeId ?? null,
          focusKeyphrase: fields.focusKeyphrase ?? null,
          ...targetFields(target ?? null),
          ...instantsOf({ publishAt, unpublishAt }, body.timezone, {
            publishAt: null,
            unpublishAt: null,
          }),
        },
        userId,
      );
      return toItemView(await mustFind(created.documentId));
    },

    async update(documentId: string, body: UpdateItemBody, scope?: Scope) {
      const row = await mustFind(documentId, scope);
      const { target, publishAt, unpublishAt, ...fields } = body;
      const timezone = body.timezone ?? row.timezone;
      // A new zone keeps the wall times the editor sees: 09:00 stays 09:00, in the new zone.
      const walls = body.timezone
        ? {
            publishAt: publishAt !== undefined ? publishAt : local(row.publishAt, row.timezone),
            unpublishAt:
              unpublishAt !== undefined ? unpublishAt : local(row.unpublishAt, row.timezone),
          }
        : { publishAt, unpublishAt };
      await items.update(documentId, {
        ...fields,
        ...(target !== undefined ? targetFields(target) : {}),
        ...instantsOf(walls, timezone, {
          publishAt: row.publishAt ? new Date(row.publishAt) : null,
          unpublishAt: row.unpublishAt ? new Date(row.unpublishAt) : null,
        }),
      });
      return toItemView(await mustFind(documentId));
    },

    async remove(documentId: string, scope?: Scope) {
      await mustFind(documentId, scope);
      await items.remove(documentId);
    },
  };
};

export default calendarService;
export type CalendarService = ReturnType<typeof calendarService>;
