import type { Core } from '@strapi/strapi';

/**
 * The one place that knows how SEO reports are stored: one row per entry and locale, keyed by
 * the entry's type, document id and locale.
 */

export const SEO_REPORT_UID = 'plugin::alwrity.seo-report';

export interface ReportTarget {
  uid: string;
  documentId: string;
  locale: string | null;
}

export interface StoredKeyphrase {
  keyphrase: string;
  title: string;
  target: ReportTarget;
}

interface KeyphraseRow {
  keyphrase: string;
  targetTitle: string | null;
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string | null;
}

export const seoReportsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(SEO_REPORT_UID);

  return {
    uid: SEO_REPORT_UID,

    /** The focus keyphrases of the site's entries, but for one entry (in every locale). */
    async keyphrases(except?: { uid: string; documentId: string }): Promise<StoredKeyphrase[]> {
      const rows = (await query().findMany({
        where: {
          keyphrase: { $notNull: true, $ne: '' },
          ...(except
            ? { $not: { targetUid: except.uid, targetDocumentId: except.documentId } }
            : {}),
        },
        select: ['keyphrase', 'targetTitle', 'targetUid', 'targetDocumentId', 'targetLocale'],
      })) as KeyphraseRow[];
      return rows.map((row) => ({
        keyphrase: row.keyphrase,
        title: row.targetTitle ?? row.targetDocumentId,
        target: { uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale },
      }));
    },
  };
};

export type SeoReportsRepository = ReturnType<typeof seoReportsRepository>;
