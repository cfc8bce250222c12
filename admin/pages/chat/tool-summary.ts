import type { ChatMessageView } from '../../../contracts/chat';
import type { SavedDraft } from '../../../contracts/writers';
import type { TranslationKey } from '../../utils/translations';

/** One line saying what a tool step did, from its call and the JSON result the model read. */
export interface ToolSummary {
  key: TranslationKey;
  values: Record<string, string | number>;
  /** The tool declined (no permission, no such entry, bad arguments): the reason given. */
  refusal?: string;
  /** The entry the step was about, when it names one. */
  entry?: SavedDraft;
}

type Json = Record<string, unknown>;

const TITLE_MAX = 60;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === 'string' ? value : '');

const countOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);

const clipped = (value: string) =>
  value.length > TITLE_MAX ? `${value.slice(0, TITLE_MAX - 1)}…` : value;

/** The stored result as the model read it: JSON, or the raw text of an older or odd row. */
export const toolResultOf = (message: ChatMessageView): unknown => {
  try {
    return JSON.parse(message.content) as unknown;
  } catch {
    return message.content;
  }
};

const entryOf = (args: Json): SavedDraft | undefined => {
  const uid = text(args.uid);
  const documentId = text(args.documentId);
  return uid && documentId ? { uid, documentId, locale: text(args.locale) || null } : undefined;
};

/** `api::article.article` → `article`: enough to tell entries apart in one line. */
const entryLabel = (args: Json) => {
  const type = text(args.uid).split('.').pop() ?? '';
  return [type, text(args.documentId)].filter(Boolean).join(' ');
};

/** What read_entry answered reads best by its title; its first field otherwise. */
const titleFromFields = (result: Json, fallback: string) => {
  const fields = isObject(result.fields) ? result.fields : {};
  const title = text(fields.title) || text(fields.name) || text(Object.values(fields)[0]);
  return clipped(title.trim() || fallback);
};

export const summaryOf = (message: ChatMessageView): ToolSummary => {
  const call = message.toolCalls[0];
  const args: Json = call?.arguments ?? {};
  const parsed = toolResultOf(message);
  const result = isObject(parsed) ? parsed : {};
  const refusal = text(result.error) || undefined;
  const entry = entryOf(args);
  const base = { refusal, entry };

  switch (call?.name) {
    case 'search_entries':
      return {
        ...base,
        key: 'chat.tool.search',
        values: { query: text(args.query), count: countOf(result.passages) },
      };
    case 'read_entry':
      return {
        ...base,
        key: 'chat.tool.read',
        values: { title: titleFromFields(result, entryLabel(args)) },
      };
    case 'analyze_entry_seo':
      return { ...base, key: 'chat.tool.seo', values: { entry: entryLabel(args) } };
    case 'list_calendar_items':
      return {
        ...base,
        key: 'chat.tool.calendar',
        values: { from: text(args.from), to: text(args.to), count: countOf(result.items) },
      };
    case 'propose_new_entry':
      return {
        ...base,
        key: 'chat.tool.proposeNew',
        values: { type: message.proposal?.typeName ?? (text(args.uid) || '?') },
      };
    case 'propose_entry_change':
      return {
        ...base,
        key: 'chat.tool.proposeChange',
        values: { field: text(args.field), entry: entryLabel(args) },
      };
    default:
      return { ...base, key: 'chat.tool.other', values: { name: call?.name ?? '?' } };
  }
};
