import { z } from 'zod';
import { reportLocale, typeUid } from './seo';

/** The content chatbot (`/alwrity/chat/...`): what its routes take and answer. */

export const CHUNK_STATUSES = ['draft', 'published'] as const;
export type ChunkStatus = (typeof CHUNK_STATUSES)[number];

export const CHAT_LIMITS = { query: 500, hits: 20, fields: 100 } as const;

/** POST /alwrity/chat/search: the retrieval alone. */
export const searchBody = z
  .object({
    query: z.string().trim().min(1).max(CHAT_LIMITS.query),
    locale: reportLocale.optional(),
    /** Search drafts too; published text only when false. */
    drafts: z.boolean().default(true),
    limit: z.number().int().min(1).max(CHAT_LIMITS.hits).default(8),
  })
  .strict();
export type SearchBody = z.infer<typeof searchBody>;

/** One retrieved passage, with what a citation shows and where it opens. */
export interface SearchHit {
  uid: string;
  documentId: string;
  locale: string | null;
  status: ChunkStatus;
  field: string;
  title: string;
  text: string;
  score: number;
  link: string;
}

const fieldName = z.string().trim().min(1).max(100);

/** PUT /alwrity/chat/index: which types are indexed, and which of their fields (null: all). */
export const indexSettingsBody = z
  .object({
    types: z.record(
      typeUid,
      z
        .object({
          enabled: z.boolean(),
          fields: z.array(fieldName).max(CHAT_LIMITS.fields).nullable().default(null),
        })
        .strict(),
    ),
  })
  .strict();
export type IndexSettingsBody = z.infer<typeof indexSettingsBody>;
export type IndexTypeSetting = IndexSettingsBody['types'][string];

export interface IndexTypeView {
  uid: string;
  displayName: string;
  enabled: boolean;
  fields: string[] | null;
  /** The type's text-bearing fields, which `fields` may name. */
  candidates: string[];
  chunks: number;
  documents: number;
}

/** GET /alwrity/chat/index: what is indexed and how fresh it is. */
export interface IndexView {
  types: IndexTypeView[];
  chunks: number;
  lastIndexedAt: string | null;
  /** The embeddings model vectors come from; null when retrieval is lexical only. */
  embeddings: string | null;
  /** The running or last "Re-index all" job. */
  rebuild: { documentId: string; status: string; progress: number | null } | null;
}
