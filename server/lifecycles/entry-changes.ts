import type { Core } from '@strapi/strapi';
import { getService } from '../utils/services';

/** Document Service actions after which an entry's text may have changed. */
const CHANGES = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'delete']);

interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: unknown };
}

/** One write to a user's entry, as the plugin's derived data (SEO reports, chat index) sees it. */
export interface EntryChange {
  uid: string;
  documentId: string;
  action: string;
  /** The plain locale the write named; none for "every locale" or an unlocalized type. */
  locale: string | undefined;
  /** The locales the write touched (publishing several answers each entry it wrote). */
  locales: (string | null)[];
}

const changeOf = (context: DocumentContext, result: unknown): EntryChange | null => {
  const { uid, action, params } = context;
  if (!uid.startsWith('api::') || !CHANGES.has(action)) return null;
  const written = result as {
    documentId?: string;
    locale?: string | null;
    entries?: { locale?: string | null }[];
  } | null;
  const documentId = written?.documentId ?? params.documentId;
  if (!documentId) return null;
  const given = typeof params.locale === 'string' ? params.locale : undefined;
  const locale = given && given !== '*' ? given : undefined;
  const locales = written?.entries?.length
    ? [...new Set(written.entries.map((entry) => entry.locale ?? null))]
    : [written?.locale ?? locale ?? null];
  return { uid, documentId, action, locale, locales };
};

/**
 * Keeps what the plugin derives from users' entries current: a save anywhere (content manager,
 * API, script) re-analyses the entry's SEO and re-indexes it for the chatbot, in the background.
 * Never fails the save itself.
 */
export const registerEntryChanges = (strapi: Core.Strapi) => {
  const upkeep: [string, (change: EntryChange) => Promise<void>][] = [
    ['SEO report upkeep', (change) => getService(strapi, 'seo').upkeep(change)],
    ['Chat index upkeep', (change) => getService(strapi, 'chat-index').upkeep(change)],
  ];
  const keep = async (change: EntryChange) => {
    for (const [what, run] of upkeep) {
      try {
        await run(change);
      } catch (error) {
        strapi.log.error(
          `[alwrity] ${what} after ${change.action} on ${change.uid}: ${(error as Error)?.message ?? error}`,
        );
      }
    }
  };
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const change = changeOf(context as unknown as DocumentContext, result);
    if (!change) return result;
    if (strapi.db.inTransaction()) {
      // A caller's transaction (bulk publish, a release): the jobs would read the entry as it
      // was before, so they start once it commits, and not at all if it rolls back.
      await strapi.db.transaction(({ onCommit }) => {
        onCommit(() => void keep(change));
      });
    } else {
      await keep(change);
    }
    return result;
  });
};
