import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  analyze,
  detectSeoMapping,
  mappingCandidates,
  mappingProblems,
  paperOfEntry,
  populateOf,
  type SeoFieldMapping,
} from '../../analysis/seo';
import { languageOf } from '../../analysis/seo/language';
import { phraseOf } from '../../analysis/seo/research/keyphrase';
import type { Analysis, Paper } from '../../analysis/seo/types';
import { PLUGIN_ID } from '../../contracts/permissions';
import { paginationOf } from '../../contracts/jobs';
import type {
  AnalyzeBody,
  OverviewQuery,
  SeoOverview,
  SeoOverviewRow,
  SeoTypeView,
} from '../../contracts/seo';
import { AbortedError } from '../ai/errors';
import type { JobKind, JobPayload } from '../queue/job-kind';
import { PermanentJobError } from '../queue/types';
import { seoRunsRepository } from '../repositories/seo-runs';
import type { EntryReader } from '../utils/readable-entry';
import type { EntryChange } from '../lifecycles/entry-changes';
import { getService } from '../utils/services';
import { collectionTypes, componentLookup, type ContentType } from '../utils/user-types';
import { toJobView } from './jobs';
import {
  seoReportsRepository,
  type ReportTarget,
  type SeoReportData,
  type SeoReportRow,
  type StoredKeyphrase,
} from '../repositories/seo-reports';

const TYPES_KEY = 'seo-types';
/** Saves in a row (autosave, a script) are analysed once, this long after the last. */
const REANALYSIS_DEBOUNCE_MS = 250;

export interface TypeSetting {
  enabled: boolean;
  mapping: SeoFieldMapping;
}

const keyOf = (target: ReportTarget) =>
  `${target.uid}\u0000${target.documentId}\u0000${target.locale ?? ''}`;

export const SEO_RUN_JOB = 'seo-reanalysis';
/** Entries read, analysed and written per round of a run. */
const RUN_PAGE = 100;

/** Score bands by rating, as Yoast colours an overall score. */
const RATING_BANDS = {
  bad: { $lt: 50 },
  ok: { $gte: 50, $lt: 80 },
  good: { $gte: 80 },
} as const;

type ScoreRow = Pick<
  SeoReportRow,
  'seoScore' | 'readabilityScore' | 'keyphrase' | 'targetDocumentId' | 'targetTitle'
>;

/** How many entries score 0–9, 10–19… 90–100, for each score. */
const distributionOf = (rows: ScoreRow[]) => {
  const buckets = () => Array.from({ length: 10 }, () => 0);
  const seo = buckets();
  const readability = buckets();
  for (const row of rows) {
    if (row.seoScore !== null) seo[Math.min(9, Math.floor(row.seoScore / 10))]! += 1;
    if (row.readabilityScore !== null)
      readability[Math.min(9, Math.floor(row.readabilityScore / 10))]! += 1;
  }
  return { seo, readability };
};

/**
 * Keyphrases more than one entry focuses on, compared as the analysis matches them: by the stems
 * of their content words in any order ("content calendars" and "calendar for content" are one).
 */
const sharedKeyphrasesOf = (rows: ScoreRow[], locale: string | null) => {
  const language = languageOf(locale ?? undefined);
  const byPhrase = new Map<
    string,
    { forms: string[]; entries: { documentId: string; title: string | null }[] }
  >();
  for (const row of rows) {
    const phrase = row.keyphrase ? phraseOf(row.keyphrase, language) : null;
    if (!phrase) continue;
    const key = phrase.exact ? phrase.words.join(' ') : [...phrase.stems].sort().join(' ');
    const group = byPhrase.get(key) ?? { forms: [], entries: [] };
    group.forms.push(phrase.text.toLowerCase());
    group.entries.push({ documentId: row.targetDocumentId, title: row.targetTitle });
    byPhrase.set(key, group);
  }
  return [...byPhrase.values()]
    .filter((group) => group.entries.length > 1)
    .map(({ forms, entries }) => ({ keyphrase: nameOf(forms), entries }));
};

/** A group's name, whatever order the rows come in: its commonest form, then its shortest. */
const nameOf = (forms: string[]) => {
  const counts = new Map<string, number>();
  for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + 1);
  return [...counts].sort(
    ([a, m], [b, n]) => n - m || a.length - b.length || a.localeCompare(b),
  )[0]![0];
};

/**
 * The entries a keyphrase competes with: those in the same language (or every one, for a text
 * without a locale), without their titles, which the caller may not be allowed to read.
 */
const competitorsOf = (others: StoredKeyphrase[], locale: string | null) =>
  others
    .filter((other) => !locale || !other.target.locale || other.target.locale === locale)
    .map((other) => ({ keyphrase: other.keyphrase }));

const toOverviewRow = (row: SeoReportRow): SeoOverviewRow => ({
  documentId: row.targetDocumentId,
  locale: row.targetLocale,
  title: row.targetTitle,
  keyphrase: row.keyphrase,
  seoScore: row.seoScore,
  readabilityScore: row.readabilityScore,
  wordCount: row.wordCount,
  analysedAt: row.analysedAt ? new Date(row.analysedAt).toISOString() : null,
});

const seoService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = seoReportsRepository(strapi);
  const runs = seoRunsRepository(strapi);
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: TYPES_KEY });
  const lookup = componentLookup(strapi);
  const timers = new Map<string, NodeJS.Timeout>();
  // One analysis of an entry at a time, so a save and a keyphrase change never cross.
  const running = new Map<string, Promise<unknown>>();
  const serially = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (running.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    running.set(key, next);
    void next
      .finally(() => {
        if (running.get(key) === next) running.delete(key);
      })
      .catch(() => undefined);
    return next;
  };

  const contentTypes = () => collectionTypes(strapi);
  const typeOf = (uid: string) => contentTypes().find((type) => type.uid === uid);

  const saved = async () => ((await store().get({})) as Record<string, TypeSetting> | null) ?? {};

  /** A type is analysed when the admin enabled it, or by default when it has a body to read. */
  const settingOf = (type: ContentType, stored: Record<string, TypeSetting>): TypeSetting => {
    const detected = detectSeoMapping(type.attributes, lookup);
    return stored[type.uid] ?? { enabled: detected.body.length > 0, mapping: detected };
  };

  /** What to populate to read the mapped fields, however deep their components nest. */
  const populateFor = (type: ContentType, mapping: SeoFieldMapping) =>
    populateOf(
      type.attributes,
      new Set(
        [
          mapping.title,
          mapping.metaTitle,
          mapping.metaDescription,
          mapping.slug,
          ...mapping.body,
          ...mapping.images,
        ]
          .filter((path): path is string => Boolean(path))
          .map((path) => path.split('.')[0]!),
      ),
      lookup,
    );

  /** The type and how it maps, for a type that is analysed; a clear error otherwise. */
  const analysedType = async (uid: string) => {
    const type = typeOf(uid);
    if (!type) throw new errors.NotFoundError(`No collection type ${uid}.`);
    const setting = settingOf(type, await saved());
    if (!setting.enabled) {
      throw new errors.ApplicationError(
        `SEO analysis is not enabled for ${type.info.displayName}.`,
      );
    }
    return { type, setting };
  };

  /** One entry's report, from its populated draft, its focus and the site's other keyphrases. */
  const reportOf = (
    type: ContentType,
    setting: TypeSetting,
    entry: Record<string, unknown>,
    target: ReportTarget,
    focus: { keyphrase: string | null; synonyms: string[] },
    others: StoredKeyphrase[],
  ): SeoReportData => {
    const paper = paperOfEntry(entry, setting.mapping, type.attributes, lookup, {
      keyphrase: focus.keyphrase ?? undefined,
      synonyms: focus.synonyms,
      locale: target.locale ?? undefined,
    });
    const analysis = analyze({
      ...paper,
      otherKeyphrases: focus.keyphrase
        ? competitorsOf(
            others.filter((other) => other.target.documentId !== target.documentId),
            target.locale,
          )
        : [],
    });
    return {
      targetTitle: paper.title?.slice(0, 250) ?? null,
      keyphrase: focus.keyphrase,
      synonyms: focus.synonyms,
      seoScore: analysis.seoScore,
      readabilityScore: analysis.readabilityScore,
      overallScore: Math.round((analysis.seoScore + analysis.readabilityScore) / 2),
      assessments: { assessments: analysis.assessments, notAvailable: analysis.notAvailable },
      wordCount: analysis.wordCount,
      language: analysis.language,
      analysedAt: new Date().toISOString(),
    };
  };

  /** An entry's draft in its locale, with what the mapping reads populated. */
  const draftOf = async (type: ContentType, setting: TypeSetting, target: ReportTarget) =>
    (await strapi.documents(target.uid as never).findOne({
      documentId: target.documentId,
      ...(target.locale ? { locale: target.locale } : {}),
      status: 'draft',
      populate: { ...populateFor(type, setting.mapping), createdBy: true } as never,
    })) as (Record<string, unknown> & { documentId: string }) | null;

  /** The locale a run or an overview means: the given one, the default, or none (not localized). */
  const localeFor = async (type: ContentType, locale: string | undefined) => {
    if (!type.pluginOptions?.i18n?.localized) return null;
    return (
      locale ?? ((await strapi.plugin('i18n')?.service('locales').getDefaultLocale()) as string)
    );
  };

  return {
    /**
     * Analyses a text with the engine the edit view runs; the server adds what only it knows:
     * the keyphrases other entries already focus on.
     */
    async analyze(
      body: AnalyzeBody | Paper,
      except?: { uid: string; documentId: string },
    ): Promise<Analysis> {
      const others = body.keyphrase ? await reports.keyphrases(except) : [];
      return analyze({ ...body, otherKeyphrases: competitorsOf(others, body.locale ?? null) });
    },

    /** The collection types, whether each is analysed, and how its fields map. */
    async types(): Promise<SeoTypeView[]> {
      const stored = await saved();
      return contentTypes().map((type) => {
        const setting = settingOf(type, stored);
        return {
          uid: type.uid,
          displayName: type.info.displayName,
          localized: Boolean(type.pluginOptions?.i18n?.localized),
          enabled: setting.enabled,
          mapping: setting.mapping,
          remembered: Boolean(stored[type.uid]),
          candidates: mappingCandidates(type.attributes, lookup),
        };
      });
    },

    async isEnabled(uid: string): Promise<boolean> {
      const type = typeOf(uid);
      return Boolean(type && settingOf(type, await saved()).enabled);
    },

    /**
     * Re-reads the entry (its draft, in its locale), analyses it with its stored keyphrase, and
     * stores the report. Answers null when the entry no longer exists.
     */
    async analyzeEntry(
      target: ReportTarget,
      focus?: { keyphrase?: string | null; synonyms?: string[] },
    ): Promise<SeoReportRow | null> {
      return serially(keyOf(target), async () => {
        const { type, setting } = await analysedType(target.uid);
        const entry = await draftOf(type, setting, target);
        if (!entry) return null;
        const stored = await reports.find(target);
        const keyphrase =
          focus?.keyphrase !== undefined ? focus.keyphrase : (stored?.keyphrase ?? null);
        const synonyms = focus?.synonyms ?? stored?.synonyms ?? [];
        const others = keyphrase ? await reports.keyphrases(target) : [];
        await reports.upsert(
          target,
          reportOf(type, setting, entry, target, { keyphrase, synonyms }, others),
        );
        return reports.find(target);
      });
    },

    report: (target: ReportTarget) => reports.find(target),

    /**
     * An entry's draft analysed as its report would be, nothing stored: with the focus given, or
     * else its own; only the fields the reader may read. Null when the entry no longer exists.
     */
    async analyzeDraft(
      target: ReportTarget,
      reader: Pick<EntryReader, 'sanitize'>,
      focus: { keyphrase?: string; synonyms?: string[] } = {},
    ): Promise<Analysis | null> {
      const read = await this.paperOf(target, reader);
      if (!read) return null;
      const stored = await reports.find(target);
      return this.analyze(
        {
          ...read.paper,
          keyphrase: focus.keyphrase ?? stored?.keyphrase ?? undefined,
          synonyms: focus.synonyms ?? stored?.synonyms ?? [],
        },
        target,
      );
    },

    /**
     * An entry read as the analysis reads it (its draft, its mapped fields) for a user: only the
     * fields their content-manager read permission shows. Null when it no longer exists.
     */
    async paperOf(target: ReportTarget, reader: Pick<EntryReader, 'sanitize'>) {
      const { type, setting } = await analysedType(target.uid);
      const draft = await draftOf(type, setting, target);
      if (!draft) return null;
      const entry = await reader.sanitize(draft);
      const paper = paperOfEntry(entry, setting.mapping, type.attributes, lookup, {
        locale: target.locale ?? undefined,
      });
      return { paper, entry, createdBy: draft.createdBy, type };
    },

    /**
     * Up to `limit` drafts of a type in a locale that a user may read, newest first, read as the
     * analysis reads them (only the fields they may read).
     */
    async papersOf(uid: string, locale: string | null, limit: number, reader: EntryReader) {
      const { type, setting } = await analysedType(uid);
      const entries = (await strapi.documents(uid as never).findMany({
        ...(locale ? { locale } : {}),
        status: 'draft',
        ...(reader.filters ? { filters: reader.filters } : {}),
        populate: populateFor(type, setting.mapping) as never,
        sort: 'updatedAt:desc',
        limit,
      } as never)) as unknown as (Record<string, unknown> & {
        documentId: string;
        updatedAt: string;
      })[];
      return Promise.all(
        entries.map(async (entry) => ({
          documentId: entry.documentId,
          paper: paperOfEntry(
            await reader.sanitize(entry),
            setting.mapping,
            type.attributes,
            lookup,
            {
              locale: locale ?? undefined,
            },
          ),
        })),
      );
    },

    /** Turns a type's analysis on or off and fixes its mapping; each path must name a field. */
    async setType(uid: string, setting: TypeSetting) {
      const type = typeOf(uid);
      if (!type) throw new errors.NotFoundError(`No collection type ${uid}.`);
      const problems = mappingProblems(type.attributes, lookup, setting.mapping);
      if (problems.length) {
        throw new errors.ValidationError(
          `Invalid body: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
          { errors: problems.map((problem) => ({ ...problem, path: problem.field.split('.') })) },
        );
      }
      const stored = await saved();
      await store().set({ value: { ...stored, [uid]: setting } });
      return (await this.types()).find((view) => view.uid === uid)!;
    },

    localeFor: async (uid: string, locale: string | undefined) => {
      const type = typeOf(uid);
      return type ? localeFor(type, locale) : null;
    },

    /** After a save: analyse the entry again soon, once for a burst of saves. */
    schedule(target: ReportTarget) {
      const key = keyOf(target);
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          this.analyzeEntry(target).catch((error: unknown) =>
            strapi.log.error(
              `[alwrity] SEO analysis of ${target.uid} ${target.documentId}: ${(error as Error)?.message ?? error}`,
            ),
          );
        }, REANALYSIS_DEBOUNCE_MS),
      );
    },

    /** "Re-analyse all": every entry of a type in one locale, in pages, as a job with progress. */
    runKind: {
      name: SEO_RUN_JOB,
      store: runs,
      async run({ id, signal, progress }) {
        const run = await runs.find(id);
        if (!run) throw new PermanentJobError(`No SEO run ${id}.`);
        const { type, setting } = await analysedType(run.targetUid);
        const locale = run.targetLocale;
        const started = Date.now();
        const where = { ...(locale ? { locale } : {}), status: 'draft' as const };
        const total = await strapi.documents(type.uid as never).count(where as never);
        const others = await reports.keyphrases();
        const populate = populateFor(type, setting.mapping);
        let analysed = 0;
        await progress({ percent: 0, stage: `Analysing ${total.toLocaleString('en')} entries` });
        for (;;) {
          if (signal.aborted) throw new AbortedError(signal.reason);
          const entries = (await strapi.documents(type.uid as never).findMany({
            ...where,
            populate: populate as never,
            sort: 'id:asc',
            start: analysed,
            limit: RUN_PAGE,
          } as never)) as (Record<string, unknown> & { documentId: string })[];
          if (!entries.length) break;
          const stored = await reports.findMany(
            type.uid,
            locale,
            entries.map((entry) => entry.documentId),
          );
          await reports.upsertMany(
            type.uid,
            locale,
            entries.map((entry) => {
              const report = stored.get(entry.documentId);
              const target = { uid: type.uid, documentId: entry.documentId, locale };
              const focus = {
                keyphrase: report?.keyphrase ?? null,
                synonyms: report?.synonyms ?? [],
              };
              return {
                documentId: entry.documentId,
                data: reportOf(type, setting, entry, target, focus, others),
              };
            }),
          );
          analysed += entries.length;
          await progress({
            percent: total ? (analysed / total) * 100 : 100,
            stage: `Analysed ${analysed.toLocaleString('en')} of ${total.toLocaleString('en')}`,
          });
        }
        return { output: { analysed, total }, durationMs: Date.now() - started };
      },
    } satisfies JobKind<JobPayload>,

    /** Queues a re-analysis of a type's entries in a locale; nothing is left if it cannot be queued. */
    async startRun(uid: string, locale: string | undefined, userId: number) {
      const { type } = await analysedType(uid);
      const targetLocale = await localeFor(type, locale);
      const latest = await runs.latest(uid, targetLocale);
      if (latest && (latest.status === 'queued' || latest.status === 'running')) {
        throw new errors.ApplicationError(
          `${latest.title} is already under way (${latest.progress}%): wait for it to finish.`,
        );
      }
      const run = await runs.create(
        {
          title: `Re-analyse ${type.info.displayName}${targetLocale ? ` (${targetLocale})` : ''}`,
          targetUid: uid,
          targetLocale,
          status: 'queued',
        },
        userId,
      );
      try {
        await getService(strapi, 'jobs').enqueue(SEO_RUN_JOB, run.documentId, { userId });
      } catch (error) {
        await runs.remove(run.documentId);
        throw error;
      }
      return { documentId: run.documentId, status: 'queued' as const };
    },

    /**
     * A type's reports in a locale, sorted and filtered, with the score distribution, the
     * keyphrases several entries share, and the latest re-analysis run. `readable` limits it to
     * the entries this user may read (null: all).
     */
    async overview(query: OverviewQuery, readable: string[] | null): Promise<SeoOverview> {
      const { type } = await analysedType(query.uid);
      const locale = await localeFor(type, query.locale);
      const base = {
        targetUid: type.uid,
        targetLocale: locale,
        ...(readable ? { targetDocumentId: { $in: readable } } : {}),
      };
      const band = query.rating ? RATING_BANDS[query.rating] : undefined;
      const where = band ? { ...base, [query.score]: band } : base;
      const [{ rows, total }, scores, run] = await Promise.all([
        reports.page(where, { field: query.sort, order: query.order }, query),
        reports.scores(base),
        runs.latest(type.uid, locale),
      ]);
      return {
        data: rows.map(toOverviewRow),
        meta: {
          pagination: paginationOf(query, total),
          locale,
          distribution: distributionOf(scores),
          sharedKeyphrases: sharedKeyphrasesOf(scores, locale),
          run: run ? toJobView(SEO_RUN_JOB, run) : null,
        },
      };
    },

    removeEntry: (uid: string, documentId: string, locale?: string) =>
      reports.removeEntry(uid, documentId, locale),

    /** After a write to an entry: its reports follow (re-analysed soon, or gone with it). */
    async upkeep(change: EntryChange) {
      // Without a plain locale ("*", or none given) every locale's report goes with the entry.
      if (change.action === 'delete') {
        await this.removeEntry(change.uid, change.documentId, change.locale);
      } else if (await this.isEnabled(change.uid)) {
        for (const locale of change.locales) {
          this.schedule({ uid: change.uid, documentId: change.documentId, locale });
        }
      }
    },

    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
};

export default seoService;
export type SeoService = ReturnType<typeof seoService>;
