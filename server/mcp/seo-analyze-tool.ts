import type { Core } from '@strapi/strapi';
import { errors, z as strapiZod } from '@strapi/utils';
import type { z } from 'zod';
import { ACTIONS, uidOf } from '../../contracts/permissions';
import { defineSeoSchemas, type AnalyzeBody } from '../../contracts/seo';
import { readableEntry, type UserAbility } from '../utils/readable-entry';
import { getService } from '../utils/services';

// Strapi's MCP server reads schemas with its own zod: build ours from the same namespace.
const schemas = defineSeoSchemas(strapiZod as unknown as typeof z);
type McpAnalyzeInput = z.infer<typeof schemas.mcpAnalyzeInput>;

/** `alwrity_seo_analyze`: the analysis the SEO panel and `POST /alwrity/seo/analyze` give. */
export const seoAnalyzeTool = {
  name: 'alwrity_seo_analyze',
  title: 'Alwrity: SEO and readability analysis',
  description:
    'Scores a text, or an entry, for SEO and readability (0 to 100 each) the way the Alwrity SEO panel does: keyphrase use and its word forms, meta title width, meta description, slug, links, images, headings, reading ease, sentence and paragraph length, transition words, passive voice. Give the body as HTML, markdown or Strapi blocks, with the focus keyphrase and the locale; or give `entry` (content type uid, documentId, locale) to analyse its draft with its own focus keyphrase. Each assessment says what to do.',
  auth: { policies: [{ action: uidOf(ACTIONS.seoUse) }] },
  resolveInputSchema: () => schemas.mcpAnalyzeInput,
  resolveOutputSchema: () => schemas.analysis,
  createHandler:
    (strapi: Core.Strapi, context: { userAbility: UserAbility }) =>
    async ({ args }: { args: McpAnalyzeInput }) => {
      const seo = getService(strapi, 'seo');
      const { entry, content, ...text } = args;
      if (Boolean(entry) === (content !== undefined)) {
        throw new errors.ValidationError('Give either an entry or a content to analyse, not both.');
      }
      // An entry is read under the token's own content-manager permissions (its fields too).
      const readable = entry && (await readableEntry(strapi, context.userAbility, entry));
      const analysis = readable
        ? await seo.analyzeDraft(readable.target, readable, {
            keyphrase: text.keyphrase,
            synonyms: text.synonyms,
          })
        : await seo.analyze({ ...text, content: content! } as AnalyzeBody);
      if (!analysis) throw new errors.NotFoundError(`No entry ${entry!.documentId}.`);
      return {
        content: [{ type: 'text' as const, text: JSON.stringify(analysis) }],
        structuredContent: analysis,
      };
    },
};
