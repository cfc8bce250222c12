import type { SavedDraft } from '../../contracts/writers';
import { PLUGIN_ID } from '../../contracts/permissions';

/** Admin-relative paths (the router's basename is `/admin`). */

export const writerPath = (documentId?: string) =>
  `/plugins/${PLUGIN_ID}/writer${documentId ? `/${documentId}` : ''}`;

/** The writer with this generation's writer and input filled in ("Duplicate"). */
export const duplicatePath = (documentId: string) =>
  `${writerPath()}?from=${encodeURIComponent(documentId)}`;

export const historyPath = (documentId?: string) =>
  `/plugins/${PLUGIN_ID}/history${documentId ? `/${documentId}` : ''}`;

export const calendarPath = `/plugins/${PLUGIN_ID}/calendar`;

export const siteAnalyzerPath = (documentId?: string) =>
  `/plugins/${PLUGIN_ID}/site-analyzer${documentId ? `/${documentId}` : ''}`;

/** What changed from the audit `documentId` (before) to `otherDocumentId` (after). */
export const siteAuditComparePath = (documentId: string, otherDocumentId: string) =>
  `${siteAnalyzerPath(documentId)}/compare/${otherDocumentId}`;

/** Settings pages sit under `/settings`, outside the plugin's own routes. */
export const seoTypesSettingsPath = `/settings/${PLUGIN_ID}-seo-types`;

/** The saved entry in the Content Manager, in the locale it was saved in. */
export const contentManagerPath = ({ uid, documentId, locale }: SavedDraft) =>
  `/content-manager/collection-types/${uid}/${documentId}${
    locale ? `?plugins[i18n][locale]=${encodeURIComponent(locale)}` : ''
  }`;
