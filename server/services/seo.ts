import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  analyze,
  detectSeoMapping,
  paperOfEntry,
  type Attributes,
  type SeoFieldMapping,
} from '../../analysis/seo';
import type { Analysis } from '../../analysis/seo/types';
import { PLUGIN_ID } from '../../contracts/permissions';
import type { AnalyzeBody, SeoTypeView } from '../../contracts/seo';
import {
  seoReportsRepository,
  type ReportTarget,
  type SeoReportRow,
} from '../repositories/seo-reports';

const TYPES_KEY = 'seo-types';
/** Saves in a row (autosave, a script) are analysed once, this long after the last. */
const REANALYSIS_DEBOUNCE_MS = 250;

interface TypeSetting {
  enabled: boolean;
  mapping: SeoFieldMapping;
}

interface ContentType {
  uid: string;
  kind: string;
  info: { displayName: string };
  attributes: Attributes;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

const keyOf = (target: ReportTarget) =>
  `${target.uid}\u0000${target.documentId}\u0000${target.locale ?? ''}`;

const seoService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = seoReportsRepository(strapi);
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: TYPES_KEY });
  const lookup = (uid: string) =>
    (strapi.components as unknown as Record<string, { attributes: Attributes }>)[uid]?.attributes;
  const timers = new Map<string, NodeJS.Timeout>();

  const contentTypes = () =>
    (Object.values(strapi.contentTypes) as unknown as ContentType[]).filter(
      (type) => type.uid.startsWith('api::') && type.kind === 'collectionType',
    );
  const typeOf = (uid: string) => contentTypes().find((type) => type.uid === uid);

  const saved = async () => ((await store().get({})) as Record<string, TypeSetting> | null) ?? {};

  /** A type is analysed when the admin enabled it, or by default when it has a body to read. */
  const settingOf = (type: ContentType, stored: Record<string, TypeSetting>): TypeSetting => {
    const detected = detectSeoMapping(type.attributes, lookup);
    return stored[type.uid] ?? { enabled: detected.body.length > 0, mapping: detected };
  };

  /** What to populate to read the mapped fields: components and zones one level deep, media. */
  const populateFor = (type: ContentType, mapping: SeoFieldMapping) => {
    const names = new Set(
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
    );
    return Object.fromEntries(
      [...names].flatMap((name): [string, unknown][] => {
        const attribute = type.attributes[name];
        if (!attribute) return [];
        if (attribute.type === 'media') return [[name, true]];
        if (attribute.type === 'component' || attribute.type === 'dynamiczone')
          return [[name, { populate: '*' }]];
        return [];
      }),
    );
  };

  return {
    /**
     * Analyses a text with the engine the edit view runs; the server adds what only it knows:
     * the keyphrases other entries already focus on.
     */
    async analyze(
      body: AnalyzeBody,
      except?: { uid: string; documentId: string },
    ): Promise<Analysis> {
      const others = body.keyphrase ? await reports.keyphrases(except) : [];
      return analyze({ ...body, otherKeyphrases: others });
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
      const type = typeOf(target.uid);
      if (!type) throw new errors.NotFoundError(`No collection type ${target.uid}.`);
      const setting = settingOf(type, await saved());
      if (!setting.enabled) {
        throw new errors.ApplicationError(
          `SEO analysis is not enabled for ${type.info.displayName}.`,
        );
      }
      const entry = (await strapi.documents(target.uid as never).findOne({
        documentId: target.documentId,
        ...(target.locale ? { locale: target.locale } : {}),
        status: 'draft',
        populate: populateFor(type, setting.mapping) as never,
      })) as Record<string, unknown> | null;
      if (!entry) return null;
      const stored = await reports.find(target);
      const keyphrase =
        focus?.keyphrase !== undefined ? focus.keyphrase : (stored?.keyphrase ?? null);
      const synonyms = focus?.synonyms ?? stored?.synonyms ?? [];
      const paper = paperOfEntry(entry, setting.mapping, type.attributes, lookup, {
        keyphrase: keyphrase ?? undefined,
        synonyms,
        locale: target.locale ?? undefined,
      });
      const analysis = analyze({
        ...paper,
        otherKeyphrases: keyphrase ? await reports.keyphrases(target) : [],
      });
      await reports.upsert(target, {
        targetTitle: paper.title?.slice(0, 250) ?? null,
        keyphrase,
        synonyms,
        seoScore: analysis.seoScore,
        readabilityScore: analysis.readabilityScore,
        overallScore: Math.round((analysis.seoScore + analysis.readabilityScore) / 2),
        assessments: { assessments: analysis.assessments, notAvailable: analysis.notAvailable },
        wordCount: analysis.wordCount,
        language: analysis.language,
        analysedAt: new Date().toISOString(),
      });
      return reports.find(target);
    },

    report: (target: ReportTarget) => reports.find(target),

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

    removeEntry: (uid: string, documentId: string, locale?: string) =>
      reports.removeEntry(uid, documentId, locale),

    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
};

export default seoService;
export type SeoService = ReturnType<typeof seoService>;
