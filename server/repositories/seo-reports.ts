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

    /** The reports of some entries of one type and locale, by document id. */
    async findMany(uid: string, locale: string | null, documentIds: string[]) {
      const rows = (await query().findMany({
        where: { targetUid: uid, targetLocale: locale, targetDocumentId: { $in: documentIds } },
      })) as (SeoReportRow & { id: number })[];
      return new Map(rows.map((row) => [row.targetDocumentId, row]));
    },

    /** Writes many reports of one type and locale: an update each, one insert for the new. */
    async upsertMany(
      uid: string,
      locale: string | null,
      rows: { documentId: string; data: SeoReportData }[],
    ): Promise<void> {
      const existing = await this.findMany(
        uid,
        locale,
        rows.map((row) => row.documentId),
      );
      const fresh = [];
      for (const row of rows) {
        const stored = existing.get(row.documentId);
        // A bulk run writes scores only: a focus set meanwhile through the panel stays.
        const { keyphrase: _keyphrase, synonyms: _synonyms, ...scores } = row.data;
        if (stored) await query().updateMany({ where: { id: stored.id }, data: scores });
        else
          fresh.push({
            ...row.data,
            targetUid: uid,
            targetDocumentId: row.documentId,
            targetLocale: locale,
            publishedAt: new Date(),
          });
      }
      if (fresh.length) await query().createMany({ data: fresh });
    },

    /** One page of a type's reports in a locale, sorted, optionally only one rating band. */
    async page(
      where: Record<string, unknown>,
      sort: { field: string; order: 'asc' | 'desc' },
      page: { page: number; pageSize: number },
    ): Promise<{ rows: SeoReportRow[]; total: number }> {
      const [rows, total] = await Promise.all([
        query().findMany({
          where,
          select: [
            'documentId',
            'targetUid',
            'targetDocumentId',
            'targetLocale',
            'targetTitle',
            'keyphrase',
            'seoScore',
            'readabilityScore',
            'overallScore',
            'wordCount',
            'language',
            'analysedAt',
          ],
          orderBy: [{ [sort.field]: sort.order }, { id: 'asc' }],
          offset: (page.page - 1) * page.pageSize,
          limit: page.pageSize,
        }) as Promise<SeoReportRow[]>,
        query().count({ where }),
      ]);
      return { rows, total };
    },

    /** Scores of every report matching `where`: what the distribution chart counts. */
    async scores(where: Record<string, unknown>) {
      return (await query().findMany({
        where,
        select: ['seoScore', 'readabilityScore', 'keyphrase', 'targetDocumentId', 'targetTitle'],
      })) as Pick<
        SeoReportRow,
        'seoScore' | 'readabilityScore' | 'keyphrase' | 'targetDocumentId' | 'targetTitle'
      >[];
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
