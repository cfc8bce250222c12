import type { ReleaseView } from '../../contracts/calendar';

/** A Content Releases release as its tables hold it, with its actions. */
export interface ReleaseRow {
  id: number;
  documentId?: string;
  name: string;
  scheduledAt: string | Date;
  timezone?: string | null;
  actions?: {
    type: 'publish' | 'unpublish';
    contentType: string;
    entryDocumentId?: string | null;
    locale?: string | null;
  }[];
}

/** Releases Strapi will publish, as read-only calendar entries: what, when, in which zone. */
export const toReleaseViews = (rows: ReleaseRow[]): ReleaseView[] =>
  rows.map((row) => ({
    id: row.id,
    name: row.name,
    scheduledAt: new Date(row.scheduledAt).toISOString(),
    timezone: row.timezone ?? null,
    entries: (row.actions ?? []).map((action) => ({
      action: action.type,
      uid: action.contentType,
      documentId: action.entryDocumentId ?? null,
      locale: action.locale ?? null,
    })),
  }));
