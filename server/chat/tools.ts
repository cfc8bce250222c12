import { z } from 'zod';
import { CHAT_LIMITS } from '../../contracts/chat';
import { documentId, reportLocale, typeUid } from '../../contracts/seo';
import type { ToolSpec } from '../ai/types';

/**
 * The chatbot's tools, offered through each provider's tool-calling API. Each runs under the
 * user's own permissions; the two `propose_` tools write nothing: they answer a proposal the
 * user confirms or discards.
 */

const entryRef = {
  uid: typeUid.describe('The content type, e.g. api::article.article'),
  documentId: documentId.describe("The entry's document id"),
  locale: reportLocale.optional().describe('The locale, e.g. en'),
};
const fieldText = z.string().max(20_000);

export const TOOL_ARGUMENTS = {
  search_entries: z
    .object({
      query: z.string().trim().min(1).max(CHAT_LIMITS.query).describe('What to look for'),
      locale: reportLocale.optional().describe('Only entries in this locale'),
    })
    .strict(),
  read_entry: z.object(entryRef).strict(),
  analyze_entry_seo: z.object(entryRef).strict(),
  list_calendar_items: z
    .object({
      from: z.string().date().describe('First day, YYYY-MM-DD'),
      to: z.string().date().describe('Day after the last, YYYY-MM-DD'),
    })
    .strict(),
  propose_new_entry: z
    .object({
      uid: entryRef.uid,
      locale: entryRef.locale,
      fields: z
        .record(z.string().min(1).max(100), fieldText)
        .describe('Text by field name, e.g. { "title": "...", "content": "markdown" }'),
    })
    .strict(),
  propose_entry_change: z
    .object({
      ...entryRef,
      field: z.string().min(1).max(100).describe('The text field to change'),
      value: fieldText.describe('Its new text (markdown for rich text)'),
    })
    .strict(),
} as const;

export type ToolName = keyof typeof TOOL_ARGUMENTS;
export type ToolArguments<N extends ToolName> = z.infer<(typeof TOOL_ARGUMENTS)[N]>;

const DESCRIPTIONS: Record<ToolName, string> = {
  search_entries:
    'Searches the CMS entries the user may read; answers numbered passages with their entry.',
  read_entry: 'Reads one entry (its text fields) the user may read.',
  analyze_entry_seo: "Analyses an entry's SEO and readability: scores and what to improve.",
  list_calendar_items: 'Lists the editorial calendar items planned between two dates.',
  propose_new_entry:
    'Proposes a new draft entry. Writes nothing: the user sees the fields and confirms or discards.',
  propose_entry_change:
    'Proposes a change to one text field of an entry. Writes nothing: the user sees a diff and confirms or discards.',
};

export const TOOL_SPECS: ToolSpec[] = (Object.keys(TOOL_ARGUMENTS) as ToolName[]).map((name) => {
  const { $schema: _schema, ...parameters } = z.toJSONSchema(TOOL_ARGUMENTS[name], {
    target: 'draft-7',
  }) as Record<string, unknown>;
  return { name, description: DESCRIPTIONS[name], parameters };
});

export const isToolName = (name: string): name is ToolName => Object.hasOwn(TOOL_ARGUMENTS, name);

/** A tool call's arguments checked; the problem in words (for the model to correct) when wrong. */
export const parseToolArguments = <N extends ToolName>(
  name: N,
  args: unknown,
): { ok: true; value: ToolArguments<N> } | { ok: false; problem: string } => {
  const parsed = TOOL_ARGUMENTS[name].safeParse(args);
  if (parsed.success) return { ok: true, value: parsed.data as ToolArguments<N> };
  return {
    ok: false,
    problem: parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`)
      .join('; '),
  };
};
