import { z } from 'zod';
import { documentId, reportLocale, typeUid } from './seo';

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

export const SESSION_TITLE_MAX = 120;
export const MESSAGE_MAX = 4000;

/** POST /alwrity/chat/sessions */
export const createSessionBody = z
  .object({ title: z.string().trim().min(1).max(SESSION_TITLE_MAX).optional() })
  .strict();

/** PUT /alwrity/chat/sessions/:documentId: rename. */
export const updateSessionBody = z
  .object({ title: z.string().trim().min(1).max(SESSION_TITLE_MAX) })
  .strict();

/** POST /alwrity/chat/sessions/:documentId/messages */
export const sendMessageBody = z
  .object({
    content: z.string().trim().min(1).max(MESSAGE_MAX),
    locale: reportLocale.optional(),
    /** Whether draft text may be used; published text only when false. */
    drafts: z.boolean().default(true),
  })
  .strict();
export type SendMessageBody = z.infer<typeof sendMessageBody>;

export const sessionParams = z.object({ documentId });
export const proposalParams = z.object({ id: documentId });

export const sessionsQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

/** A passage an answer rests on, numbered as the answer cites it (`[1]`). */
export interface Citation {
  n: number;
  uid: string;
  typeName: string;
  documentId: string;
  locale: string | null;
  status: ChunkStatus;
  field: string;
  title: string;
  link: string;
}

export const PROPOSAL_STATUSES = ['pending', 'confirmed', 'discarded', 'failed'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A write the model proposed; only the user's Confirm makes it, as a draft. */
export type Proposal =
  | {
      kind: 'create';
      uid: string;
      typeName: string;
      locale: string | null;
      fields: Record<string, string>;
    }
  | {
      kind: 'update';
      uid: string;
      typeName: string;
      documentId: string;
      locale: string | null;
      title: string;
      field: string;
      before: string;
      after: string;
    };

export type ProposalView = Proposal & {
  /** The id Confirm and Discard take: the tool message that holds it. */
  id: string;
  status: ProposalStatus;
  /** Once confirmed: the draft written. */
  entry?: { uid: string; documentId: string; locale: string | null };
  error?: string;
};

export interface ToolCallView {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

export interface ChatMessageView {
  documentId: string;
  role: 'user' | 'assistant' | 'tool';
  content: string;
  createdAt: string;
  /** An assistant message: the tools it called; a tool message: the call it answers. */
  toolCalls: ToolCallView[];
  citations: Citation[];
  proposal: ProposalView | null;
}

export interface ChatSessionView {
  documentId: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** The events of a streamed answer, besides `delta` (its text) and `result` (every message kept). */
export type ChatStreamEvent =
  | { type: 'citations'; citations: Citation[] }
  | { type: 'delta'; text: string }
  | { type: 'tool'; message: ChatMessageView };

/** What an answer says when the index holds nothing on the question. */
export const NOT_FOUND_ANSWER = 'I did not find this in your content.';

/** The public site assistant (`POST /api/alwrity/ask`): off until an admin turns it on. */
export const PUBLIC_DEFAULTS = {
  enabled: false,
  types: {} as Record<string, { urlPattern: string }>,
  dailyTokenBudget: 200_000,
  perIpPerMinute: 10,
  perUserPerMinute: 20,
  questionMax: 500,
};

/** `/blog/{slug}`, `https://example.com/{locale}/docs/{slug}`: the entry's fields fill the braces. */
const urlPattern = z
  .string()
  .trim()
  .max(300)
  .regex(
    /^(\/|https?:\/\/)\S*$/,
    'must be a path starting with / or an http(s) URL, like /blog/{slug}',
  );

/** PUT /alwrity/chat/public */
export const publicSettingsBody = z
  .object({
    enabled: z.boolean(),
    types: z.record(typeUid, z.object({ urlPattern }).strict()),
    dailyTokenBudget: z.number().int().min(0).max(100_000_000),
    perIpPerMinute: z.number().int().min(1).max(10_000),
    perUserPerMinute: z.number().int().min(1).max(10_000),
    questionMax: z.number().int().min(20).max(MESSAGE_MAX),
  })
  .partial()
  .strict();
export type PublicSettings = typeof PUBLIC_DEFAULTS;

/** POST /api/alwrity/ask */
export const askBody = z
  .object({
    question: z.string().trim().min(1).max(MESSAGE_MAX),
    locale: reportLocale.optional(),
  })
  .strict();
export type AskBody = z.infer<typeof askBody>;

/** A public answer's source: where a visitor reads it on the site. */
export interface PublicCitation {
  n: number;
  title: string;
  type: string;
  locale: string | null;
  url: string;
}

export interface PublicAnswer {
  answer: string;
  citations: PublicCitation[];
}
