import type { Core } from '@strapi/strapi';
import { getService } from '../utils/services';

/** Document Service actions after which an entry's text may have changed. */
const CHANGES = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft']);

interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: string | null };
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
    const written = result as { documentId?: string; locale?: string | null } | null;
    try {
      const seo = getService(strapi, 'seo');
      const documentId = written?.documentId ?? params.documentId;
      if (!documentId) return result;
      if (action === 'delete') {
        await seo.removeEntry(uid, documentId, params.locale ?? undefined);
      } else if (CHANGES.has(action) && (await seo.isEnabled(uid))) {
        seo.schedule({ uid, documentId, locale: written?.locale ?? params.locale ?? null });
      }
    } catch (error) {
      strapi.log.error(
        `[alwrity] SEO report upkeep after ${action} on ${uid}: ${(error as Error)?.message ?? error}`,
      );
    }
    return result;
  });
};
