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

/** A stored report, as the routes answer it. */
export interface SeoReportRow {
  documentId: string;
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string | null;
  targetTitle: string | null;
  keyphrase: string | null;
  synonyms: string[] | null;
  seoScore: number | null;
  readabilityScore: number | null;
  overallScore: number | null;
  assessments: unknown;
  wordCount: number | null;
  language: string | null;
  analysedAt: string | null;
}

export type SeoReportData = Partial<Omit<SeoReportRow, 'documentId'>>;

const whereTarget = (target: ReportTarget) => ({
  targetUid: target.uid,
  targetDocumentId: target.documentId,
  targetLocale: target.locale,
});

export const seoReportsRepository = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(SEO_REPORT_UID);

  return {
    uid: SEO_REPORT_UID,

    async find(target: ReportTarget): Promise<SeoReportRow | null> {
      return (await query().findOne({ where: whereTarget(target) })) as SeoReportRow | null;
    },

    /** Writes the entry's report, creating it on its first analysis. */
    async upsert(target: ReportTarget, data: SeoReportData): Promise<void> {
      const { count } = await query().updateMany({ where: whereTarget(target), data });
      if (count === 0) {
        await query().createMany({
          data: [
            {
              ...data,
              targetUid: target.uid,
              targetDocumentId: target.documentId,
              targetLocale: target.locale,
              publishedAt: new Date(),
            },
          ],
        });
      }
    },

    /** The reports of a deleted entry: one locale's, or every locale's. */
    async removeEntry(uid: string, documentId: string, locale?: string): Promise<void> {
      await query().deleteMany({
        where: {
          targetUid: uid,
          targetDocumentId: documentId,
          ...(locale ? { targetLocale: locale } : {}),
        },
      });
    },

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
