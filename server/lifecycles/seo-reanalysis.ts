import type { Core } from '@strapi/strapi';
import { getService } from '../utils/services';

/** Document Service actions after which an entry's text may have changed. */
const CHANGES = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft']);

interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: unknown };
}

/**
 * Keeps the SEO reports current: a save anywhere (content manager, API, script) re-analyses the
 * entry in the background; deleting it removes its reports. Never fails the save itself.
 */
export const registerSeoReanalysis = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const { uid, action, params } = context as unknown as DocumentContext;
    if (!uid.startsWith('api::')) return result;
    const written = result as {
      documentId?: string;
      locale?: string | null;
      entries?: { locale?: string | null }[];
    } | null;
    try {
      const seo = getService(strapi, 'seo');
      const documentId = written?.documentId ?? params.documentId;
      if (!documentId) return result;
      const locale = typeof params.locale === 'string' ? params.locale : undefined;
      if (action === 'delete') {
        // Without a plain locale ("*", or none given) every locale's report goes with the entry.
        await seo.removeEntry(uid, documentId, locale && locale !== '*' ? locale : undefined);
      } else if (CHANGES.has(action) && (await seo.isEnabled(uid))) {
        // Publishing several locales answers each entry it wrote: analyse each of them.
        const locales = written?.entries?.length
          ? [...new Set(written.entries.map((entry) => entry.locale ?? null))]
          : [written?.locale ?? (locale === '*' ? null : (locale ?? null))];
        for (const each of locales) seo.schedule({ uid, documentId, locale: each });
      }
    } catch (error) {
      strapi.log.error(
        `[alwrity] SEO report upkeep after ${action} on ${uid}: ${(error as Error)?.message ?? error}`,
      );
    }
    return result;
  });
};
