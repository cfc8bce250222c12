import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';
import { CHAT_LIMITS } from '../../contracts/chat';
import { ACTIONS, uidOf } from '../../contracts/permissions';
import type { UserAbility } from '../utils/readable-entry';
import { getService } from '../utils/services';

// Strapi's MCP server reads schemas with its own zod: both are built from that namespace.
const input = z
  .object({
    query: z.string().trim().min(1).max(CHAT_LIMITS.query).describe('What to look for'),
    locale: z.string().max(20).optional().describe('Only entries in this locale (en, de…)'),
    drafts: z
      .boolean()
      .default(true)
      .describe('Search draft text too; false for published text only'),
    limit: z.number().int().min(1).max(CHAT_LIMITS.hits).default(8).describe('At most this many'),
  })
  .strict();

const hit = z.object({
  uid: z.string(),
  documentId: z.string(),
  locale: z.string().nullable(),
  status: z.enum(['draft', 'published']),
  field: z.string(),
  title: z.string(),
  text: z.string(),
  score: z.number(),
  link: z.string(),
});
const output = z.object({ hits: z.array(hit) });

/** `alwrity_search_content`: the content chatbot's retrieval, under the token owner's read permission. */
export const searchContentTool = {
  name: 'alwrity_search_content',
  title: "Alwrity: search the site's content",
  description:
    "Searches the CMS entries the content chatbot indexes (hybrid: keywords, and meaning when embeddings are set up) and answers the best passages with citations: the entry's title, content type, document id, locale, whether the text is the draft or the published version, the field it comes from, and a link that opens the entry in the admin. Only entries the token's owner may read appear.",
  auth: { policies: [{ action: uidOf(ACTIONS.chatUse) }] },
  resolveInputSchema: () => input,
  resolveOutputSchema: () => output,
  createHandler:
    (strapi: Core.Strapi, context: { userAbility: UserAbility }) =>
    async ({ args }: { args: z.infer<typeof input> }) => {
      const hits = await getService(strapi, 'chat-search').search(context.userAbility, args);
      const result = { hits };
      return {
        content: [{ type: 'text' as const, text: JSON.stringify(result) }],
        structuredContent: result,
      };
    },
};
