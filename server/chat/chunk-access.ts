import type { Core } from '@strapi/strapi';
import { checkerFor, type UserAbility } from '../utils/readable-entry';
import type { IndexedChunk } from './memory-index';

/** Whether a chunk may reach a reader: asked of every candidate before it is ranked. */
export type ChunkFilter = (chunk: IndexedChunk) => boolean;

const keyOf = (documentId: string, locale: string | null, published: boolean) =>
  `${documentId}\u0000${locale ?? ''}\u0000${published ? 'p' : 'd'}`;

/** `sections[2].body` is the permission field `sections.body`. */
const permissionPath = (field: string) => field.replace(/\[\d+\]/g, '');

/**
 * What a user may read of the indexed types, as their content-manager read permission says:
 * the types, the entries (the role's conditions such as "Is creator", and its locales, which
 * i18n adds as a condition) and the fields. Conditions are run as the permission query against
 * the type, once per search, so a change of role applies to the next question.
 */
export const chunkAccess = async (
  strapi: Core.Strapi,
  ability: UserAbility,
  uids: readonly string[],
): Promise<ChunkFilter> => {
  const readers = new Map<
    string,
    { entries: Set<string> | null; field: (path: string) => boolean }
  >();
  for (const uid of uids) {
    const type = strapi.contentTypes[uid as never] as
      { attributes: Record<string, unknown> } | undefined;
    if (!type) continue;
    const checker = checkerFor(strapi, ability, uid);
    if (!checker.can.read()) continue;
    const { filters } = await checker.sanitizedQuery.read({});
    let entries: Set<string> | null = null;
    if (filters && Object.keys(filters).length) {
      const rows = (await strapi.db.query(uid as never).findMany({
        where: filters,
        select: ['documentId', 'publishedAt', ...('locale' in type.attributes ? ['locale'] : [])],
      })) as { documentId: string; locale?: string | null; publishedAt?: unknown }[];
      entries = new Set(
        rows.map((row) => keyOf(row.documentId, row.locale ?? null, Boolean(row.publishedAt))),
      );
    }
    const fields = new Map<string, boolean>();
    const field = (path: string) => {
      let allowed = fields.get(path);
      if (allowed === undefined) {
        // A component's or dynamic zone's inner field is readable when it or what holds it is.
        const parts = permissionPath(path).split('.');
        allowed = parts.some((_, i) =>
          checker.can.read(undefined, parts.slice(0, parts.length - i).join('.')),
        );
        fields.set(path, allowed);
      }
      return allowed;
    };
    readers.set(uid, { entries, field });
  }
  return (chunk) => {
    const reader = readers.get(chunk.uid);
    if (!reader) return false;
    if (
      reader.entries &&
      !reader.entries.has(keyOf(chunk.documentId, chunk.locale, chunk.version === 'published'))
    ) {
      return false;
    }
    return reader.field(chunk.field);
  };
};
