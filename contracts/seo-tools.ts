import { z } from 'zod';
import type { SeoFieldMapping } from '../analysis/seo/entry';
import type { ContentGap } from '../analysis/seo/tools/content-gap';
import type { KeywordReport } from '../analysis/seo/tools/keywords';
import {
  SCHEMA_TYPES,
  type SocialTag,
  type StructuredData,
} from '../analysis/seo/tools/structured-data';
import { documentId, MAX_BODY_CHARS, reportLocale, typeUid } from './seo';

/** What the SEO tools' routes take and answer (`POST /alwrity/seo/tools/*`). */

/** An entry of a user's content type, in a locale (the default one when left out). */
export const entryRef = z
  .object({ uid: typeUid, documentId, locale: reportLocale.optional() })
  .strict();
export type EntryRefInput = z.infer<typeof entryRef>;

const textSubject = {
  entry: entryRef.optional(),
  text: z.string().min(1).max(MAX_BODY_CHARS).optional(),
  contentFormat: z.enum(['html', 'markdown', 'blocks']).optional(),
  title: z.string().max(300).optional(),
  locale: reportLocale.optional(),
};

const oneSubject = (body: { entry?: unknown; text?: unknown }) =>
  (body.entry === undefined) !== (body.text === undefined);
const ONE_SUBJECT = { message: 'give either an entry or a text, not both', path: ['entry'] };

/** The keyword analyzer: a text or an entry, its keyphrase, and the type to compare it with. */
export const keywordsBody = z
  .object({
    ...textSubject,
    keyphrase: z.string().trim().max(200).optional(),
    synonyms: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
    /** TF-IDF compares with this type's entries; an entry's own type by default. */
    compareWith: typeUid.optional(),
  })
  .strict()
  .refine(oneSubject, ONE_SUBJECT);
export type KeywordsBody = z.infer<typeof keywordsBody>;

export interface KeywordsResponse {
  data: KeywordReport & { title: string | null };
}

const absoluteUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const MAX_COMPETITORS = 5;
/**
 * Per pasted page: five of them still fit Strapi's default 1 MB JSON body (the admin drops
 * scripts and styles before sending).
 */
const MAX_PAGE_HTML = 180_000;

export const contentGapBody = z
  .object({
    ...textSubject,
    competitors: z
      .array(
        z
          .object({
            label: z.string().trim().min(1).max(100).optional(),
            /** The page pasted, or its address for the server to fetch (through the safe fetcher). */
            html: z.string().min(1).max(MAX_PAGE_HTML).optional(),
            url: absoluteUrl.optional(),
          })
          .strict()
          .refine((page) => (page.html === undefined) !== (page.url === undefined), {
            message: "give either the page's html or its url",
            path: ['html'],
          }),
      )
      .min(1)
      .max(MAX_COMPETITORS),
  })
  .strict()
  .refine(oneSubject, ONE_SUBJECT);
export type ContentGapBody = z.infer<typeof contentGapBody>;

export interface ContentGapResponse {
  data: ContentGap & { title: string | null };
}

export const AVAILABILITY = [
  'InStock',
  'OutOfStock',
  'PreOrder',
  'BackOrder',
  'Discontinued',
] as const;

export const structuredDataBody = z
  .object({
    entry: entryRef,
    type: z.enum(SCHEMA_TYPES),
    baseUrl: absoluteUrl.optional(),
    /** Where the entry lives: `{slug}` (or `{documentId}`) is replaced, such as `/blog/{slug}`. */
    urlPattern: z
      .string()
      .max(300)
      .regex(/\{(slug|documentId)\}/, 'must hold {slug} or {documentId}')
      .optional(),
    siteName: z.string().trim().max(200).optional(),
    logo: absoluteUrl.optional(),
    section: z
      .object({ name: z.string().trim().min(1).max(200), url: absoluteUrl.optional() })
      .strict()
      .optional(),
    author: z.string().trim().max(200).optional(),
    brand: z.string().trim().max(200).optional(),
    offer: z
      .object({
        price: z
          .string()
          .regex(/^\d+(\.\d{1,2})?$/, 'must be a price such as 49 or 49.90')
          .optional(),
        priceCurrency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR')
          .optional(),
        availability: z.enum(AVAILABILITY).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type StructuredDataBody = z.infer<typeof structuredDataBody>;

export interface StructuredDataResponse {
  data: StructuredData & { social: { tags: SocialTag[]; missing: string[] } };
}

export const altTextBody = z.object({ entry: entryRef }).strict();

export interface AltTextSuggestion {
  /** The media library file. */
  fileId: number;
  name: string;
  url: string;
  suggestion: string | null;
  /** Why there is no suggestion (not an image the model can read, too large). */
  error: string | null;
}

export interface AltTextResponse {
  data: { images: AltTextSuggestion[]; withAlt: number };
}

/** PUT /alwrity/seo/types/:uid: whether a type is analysed, and how its fields map. */
const fieldPath = z
  .string()
  .max(100)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/, 'must be a field name');
export const typeSettingBody = z
  .object({
    enabled: z.boolean(),
    mapping: z
      .object({
        title: fieldPath.nullable(),
        metaTitle: fieldPath.nullable(),
        metaDescription: fieldPath.nullable(),
        slug: fieldPath.nullable(),
        body: z.array(fieldPath).max(20),
        images: z.array(fieldPath).max(20),
      })
      .strict() satisfies z.ZodType<SeoFieldMapping>,
  })
  .strict();
export type TypeSettingBody = z.infer<typeof typeSettingBody>;
export const typeParams = z.object({ uid: typeUid }).strict();
