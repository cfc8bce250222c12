import type { Core } from '@strapi/strapi';
import type { ItemStatus } from '../../contracts/calendar';
import { documentStore } from './document-store';

export const CALENDAR_ITEM_UID = 'plugin::alwrity.calendar-item';

/** Items with jobs to come: scheduled, or published with a time to go down. */
const PENDING = {
  $or: [{ status: 'scheduled' }, { status: 'published', unpublishAt: { $notNull: true } }],
};

export interface CalendarItemFields {
  title: string;
  brief: string | null;
  status: ItemStatus;
  channel: string;
  targetUid: string | null;
  targetDocumentId: string | null;
  targetLocale: string | null;
  publishAt: Date | null;
  unpublishAt: Date | null;
  timezone: string;
  assigneeId: number | null;
  focusKeyphrase: string | null;
  tags: string[];
  generationDocumentId: string | null;
  /** The user whose publish permission a scheduled item's jobs run under. */
  scheduledById: number | null;
  /** When a publish was claimed (before the entry is published), and how late it went live. */
  firedAt: Date | null;
  lateMs: number | null;
  error: string | null;
}

export interface CalendarItemRow extends Omit<
  CalendarItemFields,
  'publishAt' | 'unpublishAt' | 'firedAt'
> {
  documentId: string;
  publishAt: string | null;
  unpublishAt: string | null;
  firedAt: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy?: { id: number; firstname?: string; lastname?: string } | null;
}

/** The calendar's items. A range reads them by their publish time, which is indexed. */
export const calendarItemsRepository = (strapi: Core.Strapi) => {
  const store = documentStore<CalendarItemRow, CalendarItemRow, CalendarItemFields>(
    strapi,
    CALENDAR_ITEM_UID,
  );
  return {
    ...store,
    /** A save that happens only while the item is still in `status`; says whether it did. */
    async updateWhile(
      documentId: string,
      status: string,
      data: Partial<CalendarItemFields>,
    ): Promise<boolean> {
      const { count } = await strapi.db
        .query(CALENDAR_ITEM_UID as never)
        .updateMany({ where: { documentId, status }, data });
      return count > 0;
    },

    /** Another item that publishes or unpublishes this entry, if one does. */
    async schedulingEntry(
      target: { uid: string; documentId: string; locale: string | null },
      except: string,
    ): Promise<Pick<CalendarItemRow, 'documentId' | 'title'> | null> {
      return (await strapi.db.query(CALENDAR_ITEM_UID as never).findOne({
        select: ['documentId', 'title'],
        where: {
          ...PENDING,
          targetUid: target.uid,
          targetDocumentId: target.documentId,
          targetLocale: target.locale,
          ...(except ? { documentId: { $ne: except } } : {}),
        },
      })) as Pick<CalendarItemRow, 'documentId' | 'title'> | null;
    },

    /** Items that may still have jobs to run: scheduled, or published with a time to go down. */
    async schedulable(): Promise<CalendarItemRow[]> {
      return (await strapi.db.query(CALENDAR_ITEM_UID as never).findMany({
        where: { targetDocumentId: { $notNull: true }, ...PENDING },
      })) as CalendarItemRow[];
    },
  };
};
