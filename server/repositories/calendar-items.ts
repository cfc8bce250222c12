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
}

export interface CalendarItemRow extends Omit<CalendarItemFields, 'publishAt' | 'unpublishAt'> {
  documentId: string;
  publishAt: string | null;
  unpublishAt: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy?: { id: number; firstname?: string; lastname?: string } | null;
}

/** The calendar's items. A range reads them by their publish time, which is indexed. */
export const calendarItemsRepository = (strapi: Core.Strapi) =>
  documentStore<CalendarItemRow, CalendarItemRow, CalendarItemFields>(strapi, CALENDAR_ITEM_UID);
