import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';
import { ACTIONS, uidOf } from '../../contracts/permissions';
import type { SiteAuditDetail } from '../../contracts/site-audits';
import { getService } from '../utils/services';

// Strapi's MCP server reads schemas with its own zod: both are built from that namespace.
const input = z
  .object({
    url: z.string().url().max(2000).describe('The http or https address of the page to audit'),
    keyphrase: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('A focus keyphrase to check the page against'),
  })
  .strict();

const check = z.object({
  id: z.string(),
  group: z.string(),
  lighthouse: z.string().optional(),
  severity: z.enum(['error', 'warning', 'notice']),
  found: z.string(),
  fix: z.string().optional(),
});

const output = z.object({
  documentId: z.string(),
  url: z.string(),
  score: z.number().nullable(),
  issueCounts: z.object({ error: z.number(), warning: z.number(), notice: z.number() }).nullable(),
  failed: z.array(check),
  passed: z.array(z.string()),
});

const resultOf = (detail: SiteAuditDetail): z.infer<typeof output> => {
  const checks = detail.page?.checks ?? [];
  return {
    documentId: detail.documentId,
    url: detail.url,
    score: detail.score,
    issueCounts: detail.issueCounts,
    failed: checks
      .filter((entry) => !entry.passed)
      .map(({ id, group, lighthouse, severity, found, fix }) => ({
        id,
        group,
        ...(lighthouse ? { lighthouse } : {}),
        severity,
        found,
        ...(fix ? { fix } : {}),
      })),
    passed: checks.filter((entry) => entry.passed).map((entry) => entry.id),
  };
};

/** `alwrity_audit_page`: the Site Analyzer's page audit, stored in the token owner's history. */
export const auditPageTool = {
  name: 'alwrity_audit_page',
  title: 'Alwrity: audit a web page',
  description:
    "Audits one web page the way the Alwrity Site Analyzer does, with Lighthouse's SEO audits (is-crawlable, document-title, meta-description, http-status-code, link-text, crawlable-anchors, robots-txt, image-alt, hreflang, canonical, structured-data) and more: response time, compression, caching, HTTPS, headings, Open Graph, word count and readability. Answers a score from 0 to 100 and each failed check with what was found and how to fix it. Private and internal addresses are refused.",
  auth: { policies: [{ action: uidOf(ACTIONS.siteAuditRun) }] },
  resolveInputSchema: () => input,
  resolveOutputSchema: () => output,
  createHandler:
    (strapi: Core.Strapi, context: { user?: { id: number } }) =>
    async ({ args }: { args: z.infer<typeof input> }) => {
      const detail = await getService(strapi, 'site-audits').auditOne(
        { url: args.url, scope: 'page', ...(args.keyphrase ? { keyphrase: args.keyphrase } : {}) },
        context.user!.id,
      );
      const result = resultOf(detail);
      return {
        content: [{ type: 'text' as const, text: JSON.stringify(result) }],
        structuredContent: result,
      };
    },
};
