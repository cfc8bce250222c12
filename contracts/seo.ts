import { z as zod } from 'zod';
import { pageQuery, type JobView, type Pagination } from './jobs';
import type { MappingCandidates, SeoFieldMapping } from '../analysis/seo/entry';
import type { Analysis } from '../analysis/seo/types';

/**
 * What the SEO routes and the MCP tool take and answer. The engine itself lives in
 * `analysis/seo/`; these are the limits a request must keep to.
 */

export const MAX_BODY_CHARS = 500_000;
const MAX_BLOCK_DEPTH = 24;
const LOCALE_PATTERN = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;
const LOCALE_MESSAGE = 'must be a locale code such as en or de-DE';
const TYPE_UID = /^api::[a-z0-9-]+\.[a-z0-9-]+$/;
const TYPE_UID_MESSAGE = 'must be a content type uid such as api::article.article';
const DOCUMENT_ID = /^[a-z0-9]{10,64}$/;

/** How deep a value nests: a blocks body is walked recursively, so it must stay shallow. */
const depthOf = (value: unknown, limit: number, depth = 0): number => {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let deepest = depth;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
};

type Zod = typeof zod;

/**
 * The schemas are built from a zod namespace: the routes use ours, the MCP tool Strapi's own
 * (`@strapi/utils`), whose MCP server reads them with its zod version.
 */
export const defineSeoSchemas = (z: Zod) => {
  /** A Strapi blocks body: an array of nodes, each with a type. */
  const blocksBody = z
    .array(z.looseObject({ type: z.string().max(40) }))
    .max(5000)
    .refine((nodes) => depthOf(nodes, MAX_BLOCK_DEPTH) <= MAX_BLOCK_DEPTH, {
      message: `nests deeper than ${MAX_BLOCK_DEPTH} levels`,
    })
    .refine((nodes) => JSON.stringify(nodes).length <= MAX_BODY_CHARS, {
      message: `is over ${MAX_BODY_CHARS.toLocaleString('en')} characters`,
    });

  const locale = z.string().max(20).regex(LOCALE_PATTERN, LOCALE_MESSAGE);

  /** POST /alwrity/seo/analyze, and the text form of the `alwrity_seo_analyze` MCP tool. */
  const analyzeFields = {
    title: z.string().max(300).optional(),
    metaTitle: z.string().max(300).optional(),
    metaDescription: z.string().max(1000).optional(),
    slug: z.string().max(300).optional(),
    content: z.union([z.string().max(MAX_BODY_CHARS), blocksBody]),
    contentFormat: z.enum(['html', 'markdown', 'blocks']).optional(),
    keyphrase: z.string().max(200).optional(),
    synonyms: z.array(z.string().max(200)).max(20).optional(),
    locale: locale.optional(),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    images: z
      .array(
        z
          .object({
            src: z.string().max(2000).optional(),
            alt: z.string().max(1000).nullable().optional(),
          })
          .strict(),
      )
      .max(500)
      .optional(),
  };
  const analyzeBody = z.object(analyzeFields).strict();

  /** The MCP tool: a text as above, or an entry (its draft, its focus keyphrase) by reference. */
  const mcpAnalyzeInput = z
    .object({
      ...analyzeFields,
      content: analyzeFields.content.optional(),
      entry: z
        .object({
          uid: z.string().regex(TYPE_UID, TYPE_UID_MESSAGE),
          documentId: z.string().regex(DOCUMENT_ID, 'must be a document id'),
          locale: locale.optional(),
        })
        .strict()
        .optional()
        .describe(
          'An entry to analyse instead of a text: its content type uid, documentId and locale',
        ),
    })
    .strict();

  const group = z.enum(['seo', 'readability']);
  /** The engine's answer (`Analysis`), as a schema for the MCP tool's structured output. */
  const analysis = z.object({
    seoScore: z.number().int().min(0).max(100),
    readabilityScore: z.number().int().min(0).max(100),
    assessments: z.array(
      z.object({
        id: z.string(),
        group,
        rating: z.enum(['good', 'ok', 'bad']),
        score: z.number(),
        message: z.string(),
      }),
    ),
    notAvailable: z.array(z.object({ id: z.string(), group, message: z.string() })),
    language: z.string().nullable(),
    wordCount: z.number().int(),
  }) satisfies zod.ZodType<Analysis>;

  return { analyzeBody, mcpAnalyzeInput, analysis };
};

export const { analyzeBody } = defineSeoSchemas(zod);
export type AnalyzeBody = zod.infer<typeof analyzeBody>;

export interface AnalyzeResponse {
  data: Analysis;
}

/** A content type as the SEO settings and the overview show it. */
export interface SeoTypeView {
  uid: string;
  displayName: string;
  localized: boolean;
  enabled: boolean;
  mapping: SeoFieldMapping;
  /** Whether an admin saved this mapping (otherwise it is detected). */
  remembered: boolean;
  /** The fields the mapping may name, for the settings page. */
  candidates: MappingCandidates;
}

export const typeUid = zod.string().regex(TYPE_UID, TYPE_UID_MESSAGE);

export const documentId = zod.string().regex(DOCUMENT_ID, 'must be a document id');

export const reportParams = zod
  .object({
    uid: typeUid,
    entryId: documentId,
  })
  .strict();

export const reportLocale = zod.string().max(20).regex(LOCALE_PATTERN, LOCALE_MESSAGE);

export const reportQuery = zod.object({ locale: reportLocale.optional() }).strict();

/** PUT /alwrity/seo/reports/:uid/:entryId: the focus keyphrase, then a fresh analysis. */
export const focusBody = zod
  .object({
    locale: reportLocale.optional(),
    keyphrase: zod.string().trim().max(200).nullable(),
    synonyms: zod.array(zod.string().trim().min(1).max(200)).max(20).optional(),
  })
  .strict();
export type FocusBody = zod.infer<typeof focusBody>;

/** GET /alwrity/seo/overview: one type's entries in a locale, sorted, filtered, paged. */
export const overviewQuery = zod
  .object({
    uid: typeUid,
    locale: reportLocale.optional(),
    sort: zod
      .enum(['seoScore', 'readabilityScore', 'wordCount', 'analysedAt', 'targetTitle'])
      .default('seoScore'),
    order: zod.enum(['asc', 'desc']).default('asc'),
    /** Only entries whose score (`score`) is in this band: bad < 50, ok 50–79, good ≥ 80. */
    rating: zod.enum(['bad', 'ok', 'good']).optional(),
    score: zod.enum(['seoScore', 'readabilityScore']).default('seoScore'),
    ...pageQuery,
  })
  .strict();
export type OverviewQuery = zod.infer<typeof overviewQuery>;

export interface SeoOverviewRow {
  documentId: string;
  locale: string | null;
  title: string | null;
  keyphrase: string | null;
  seoScore: number | null;
  readabilityScore: number | null;
  wordCount: number | null;
  analysedAt: string | null;
}

export interface SeoOverview {
  data: SeoOverviewRow[];
  meta: {
    pagination: Pagination;
    locale: string | null;
    /** Entries per score band 0–9, 10–19 … 90–100. */
    distribution: { seo: number[]; readability: number[] };
    sharedKeyphrases: {
      keyphrase: string;
      entries: { documentId: string; title: string | null }[];
    }[];
    /** The latest "Re-analyse all" run of this type and locale. */
    run: JobView | null;
  };
}

/** POST /alwrity/seo/reanalyze: every entry of a type in a locale, as a job. */
export const reanalyzeBody = zod.object({ uid: typeUid, locale: reportLocale.optional() }).strict();
