import { z } from 'zod';

/**
 * What the writer routes take and answer beyond a generation itself: the long-form blog's
 * progressive output, its two-step outline, and "Save as draft". Shared by server and admin.
 */

export const outlineSection = z
  .object({
    heading: z.string().trim().min(1).max(200),
    points: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
  })
  .strict();
export type OutlineSection = z.output<typeof outlineSection>;

/**
 * The blog generation's `output`, saved after every step so a reopened page (or a restarted
 * worker) sees where it stands. `phase` is `outline` while it waits for an edited outline
 * (two-step mode), `writing` while sections are written, `done` at the end.
 */
export interface BlogDraft {
  phase: 'outline' | 'writing' | 'done';
  titleOptions: string[];
  title: string;
  outline: OutlineSection[];
  introduction?: string;
  /** Written in outline order; section i is only here once it is complete. */
  sections: { heading: string; body: string }[];
  conclusion?: string;
  faq?: { question: string; answer: string }[];
  meta?: { metaTitle: string; metaDescription: string; slug: string; tags: string[] };
}

/** The step a running blog job reports as `progress.detail`, with the step's text so far. */
export interface BlogStepDetail {
  step: 'outline' | 'introduction' | 'section' | 'conclusion' | 'faq' | 'meta';
  /** 1-based, out of `of`. */
  index: number;
  of: number;
  /** For a section: which one (1-based) of the outline's, and its heading. */
  section?: { number: number; of: number; heading: string };
  text: string;
}

/** POST /alwrity/generations/:documentId/continue: write the sections from this outline. */
export const continueBlogBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    outline: z.array(outlineSection).min(2).max(12),
  })
  .strict();
export type ContinueBlogBody = z.infer<typeof continueBlogBody>;

/** POST /alwrity/generations/:documentId/sections/:index/regenerate. */
export const regenerateSectionBody = z
  .object({ instructions: z.string().trim().max(1000).optional() })
  .strict();
export const sectionParams = z.object({
  documentId: z.string().regex(/^[a-z0-9]{10,64}$/, 'must be a document id'),
  index: z.coerce.number().int().min(0).max(11),
});

/**
 * The pieces of a generation's output a content type's fields can take. Each writer says which
 * it has (a story has no meta description); `body` is markdown.
 */
export const OUTPUT_SLOTS = [
  'title',
  'slug',
  'body',
  'description',
  'metaTitle',
  'metaDescription',
  'tags',
] as const;
export type OutputSlot = (typeof OUTPUT_SLOTS)[number];

/** A field a slot can go to: top level (`title`) or in a single component (`seo.metaTitle`). */
export interface TargetField {
  path: string;
  type: string;
  required: boolean;
}

/** GET /alwrity/save-targets: the collection types this user may create entries of. */
export interface SaveTarget {
  uid: string;
  displayName: string;
  /** Locales to choose from when the type is localized; null when it is not. */
  locales: { code: string; name: string; isDefault: boolean }[] | null;
  fields: TargetField[];
  /** The remembered mapping for this type, else the one detected from field names. */
  mapping: Partial<Record<string, OutputSlot>>;
  remembered: boolean;
}

/** POST /alwrity/generations/:documentId/save. `mapping` is field path → output slot. */
export const saveDraftBody = z
  .object({
    uid: z.string().regex(/^api::[a-z0-9-]+\.[a-z0-9-]+$/, 'must be a collection type uid'),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale code such as en or fr-CA')
      .optional(),
    mapping: z
      .record(
        z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?$/, 'must be a field name'),
        z.enum(OUTPUT_SLOTS),
      )
      .refine((mapping) => Object.keys(mapping).length > 0, 'must map at least one field'),
  })
  .strict();
export type SaveDraftBody = z.infer<typeof saveDraftBody>;

/** The created draft, and where the generation now points. */
export interface SavedDraft {
  uid: string;
  documentId: string;
  locale: string | null;
}

export const REWRITE_OPERATIONS = ['expand', 'shorten', 'rephrase', 'tone', 'translate'] as const;
export type RewriteOperation = (typeof REWRITE_OPERATIONS)[number];

/**
 * POST /alwrity/rewrite: one field's text rewritten for the content manager's "Write with AI"
 * (answers `{ data: { text } }`, or streams `delta` then `result` events).
 */
export const rewriteBody = z
  .object({
    text: z.string().min(1).max(50_000),
    operation: z.enum(REWRITE_OPERATIONS),
    /** For `tone`. */
    tone: z.string().trim().min(1).max(40).optional(),
    /** For `translate`: the target locale code. */
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale code such as en or fr-CA')
      .optional(),
    /** `markdown` keeps headings and lists; `plain` for short fields. */
    format: z.enum(['plain', 'markdown']).default('plain'),
  })
  .strict()
  .refine((body) => body.operation !== 'tone' || body.tone, {
    path: ['tone'],
    message: 'is required to change the tone',
  })
  .refine((body) => body.operation !== 'translate' || body.locale, {
    path: ['locale'],
    message: 'is required to translate',
  });
export type RewriteBody = z.infer<typeof rewriteBody>;
