import type { Core } from '@strapi/strapi';
import type { ItemStatus } from '../../contracts/calendar';
import { documentStore } from './document-store';

export const CALENDAR_ITEM_UID = 'plugin::alwrity.calendar-item';

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
    /** Items that may still have jobs to run: scheduled, or published with a time to go down. */
    async schedulable(): Promise<CalendarItemRow[]> {
      return (await strapi.db.query(CALENDAR_ITEM_UID as never).findMany({
        where: {
          targetDocumentId: { $notNull: true },
          $or: [{ status: 'scheduled' }, { status: 'published', unpublishAt: { $notNull: true } }],
        },
      })) as CalendarItemRow[];
    },
  };
};
