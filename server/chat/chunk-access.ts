import type { Core } from '@strapi/strapi';
import { checkerFor, type EntryChecker, type UserAbility } from '../utils/readable-entry';
import type { IndexedChunk } from './memory-index';

/** A question asked of a chunk for one reader. */
export type ChunkFilter = (chunk: IndexedChunk) => boolean;

export interface ChunkAccess {
  /** Whether a chunk may reach the reader: asked of every candidate before it is ranked. */
  allows: ChunkFilter;
  /**
   * Whether the reader may read the field the chunk's title was read from: if not, the title
   * neither matches the query nor is shown.
   */
  titled: ChunkFilter;
  /** Whether `titled` can deny any chunk: when not, searches need not ask it. */
  hidesTitles: boolean;
}

type Row = Record<string, unknown> & { documentId: string; locale?: string | null };

const READ = 'plugin::content-manager.explorer.read';

const keyOf = (documentId: string, locale: string | null, published: boolean) =>
  `${documentId}\u0000${locale ?? ''}\u0000${published ? 'p' : 'd'}`;

const chunkKey = (chunk: IndexedChunk) =>
  keyOf(chunk.documentId, chunk.locale, chunk.version === 'published');

/** `sections[2].body` is the permission field `sections.body`. */
const permissionPath = (field: string) => field.replace(/\[\d+\]/g, '');

/** A component's or dynamic zone's inner field is readable when it or what holds it is. */
const readsField = (checker: EntryChecker, path: string, entry?: Row) => {
  const parts = permissionPath(path).split('.');
  return parts.some((_, i) => checker.can.read(entry, parts.slice(0, parts.length - i).join('.')));
};

/**
 * Whether the user's read rules for a type name different fields: then which fields they may
 * read depends on which rule's conditions an entry meets, and each entry is asked on its own,
 * as the content manager's sanitizer does.
 */
const fieldsVary = (ability: UserAbility, uid: string) => {
  const rulesFor = (ability as { rulesFor?(action: string, subject: string): unknown[] }).rulesFor;
  if (typeof rulesFor !== 'function') return true;
  const rules = rulesFor.call(ability, READ, uid) as { fields?: string | string[] }[];
  const sets = new Set(rules.map((rule) => [rule.fields ?? '*'].flat().sort().join(',')));
  return sets.size > 1;
};

type PopulateBuilder = (uid: string) => {
  populateFromQuery(query: Record<string, unknown>): { build(): Promise<unknown> };
};

/** The content manager's own: what its entry views populate to check their conditions. */
const populateBuilder = (strapi: Core.Strapi) =>
  strapi.plugin('content-manager').service('populate-builder') as unknown as PopulateBuilder;

/** Answers remembered by key: a search asks of the same entry and field many times. */
const remembered = () => {
  const known = new Map<string, boolean>();
  return (key: string, compute: () => boolean) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute();
      known.set(key, value);
    }
    return value;
  };
};

interface TypeReader {
  /** The rows this user may read, by key; null when they may read every one. */
  entries: Map<string, Row> | null;
  field(chunk: IndexedChunk, path: string): boolean;
  /** Whether some readable entry's title field may be unreadable. */
  untitled: boolean;
}

/** The attributes a permission query's filters name, through its `$and`, `$or` and `$not`. */
const attributesNamed = (filters: unknown, names = new Set<string>()): Set<string> => {
  if (Array.isArray(filters)) {
    for (const each of filters) attributesNamed(each, names);
  } else if (filters && typeof filters === 'object') {
    for (const [key, value] of Object.entries(filters)) {
      if (key.startsWith('$')) attributesNamed(value, names);
      else names.add(key);
    }
  }
  return names;
};

type Attribute = { type?: string };
const COLUMNLESS = new Set(['relation', 'component', 'dynamiczone', 'media']);

const typeReader = async (
  strapi: Core.Strapi,
  ability: UserAbility,
  uid: string,
  attributes: Record<string, Attribute>,
  titleFields: readonly string[],
): Promise<TypeReader | null> => {
  const checker = checkerFor(strapi, ability, uid);
  if (!checker.can.read()) return null;
  const perEntry = checker.requiresEntity.read() && fieldsVary(ability, uid);
  const permissionQuery = await checker.sanitizedQuery.read({});
  const filters = permissionQuery.filters as Record<string, unknown> | undefined;
  const conditional = Boolean(filters && Object.keys(filters).length);

  let entries: Map<string, Row> | null = null;
  if (conditional || perEntry) {
    const columns = ['documentId', 'publishedAt', ...('locale' in attributes ? ['locale'] : [])];
    // Entries asked one by one need what the conditions name: their columns, and the relations
    // (the creator for "Is creator") as the content manager populates them.
    const named = perEntry
      ? [...attributesNamed(filters)].filter(
          (name) => attributes[name] && !COLUMNLESS.has(attributes[name]!.type ?? ''),
        )
      : [];
    const populate = perEntry
      ? await populateBuilder(strapi)(uid).populateFromQuery(permissionQuery).build()
      : undefined;
    const rows = (await strapi.db.query(uid as never).findMany({
      ...(conditional ? { where: filters } : {}),
      select: [...new Set(['id', ...columns, ...named])],
      ...(populate ? { populate } : {}),
    })) as (Row & { publishedAt?: unknown })[];
    entries = new Map(
      rows.map((row) => [keyOf(row.documentId, row.locale ?? null, Boolean(row.publishedAt)), row]),
    );
  }

  const union = remembered();
  const ofEntry = remembered();
  const anyEntry = (path: string) => union(path, () => readsField(checker, path));
  return {
    entries,
    field: perEntry
      ? (chunk, path) => {
          const key = chunkKey(chunk);
          return ofEntry(`${key}\u0000${path}`, () => readsField(checker, path, entries?.get(key)));
        }
      : (_, path) => anyEntry(path),
    untitled: perEntry
      ? titleFields.length > 0
      : titleFields.some((titleField) => !anyEntry(titleField)),
  };
};

/**
 * What a user may read of the indexed types, as their content-manager read permission says:
 * the types, the entries (the role's conditions such as "Is creator", and its locales, which
 * i18n adds as a condition) and the fields, entry by entry when their roles grant different
 * fields under different conditions. Conditions are run as the permission query against the
 * type, once per search, so a change of role applies to the next question. `titleFieldsOf`
 * names the fields a type's chunks hold their titles from.
 */
export const chunkAccess = async (
  strapi: Core.Strapi,
  ability: UserAbility,
  uids: readonly string[],
  titleFieldsOf: (uid: string) => Iterable<string>,
): Promise<ChunkAccess> => {
  const readers = new Map<string, TypeReader>();
  for (const uid of uids) {
    const contentType = strapi.contentTypes[uid as never] as
      { attributes: Record<string, Attribute> } | undefined;
    if (!contentType) continue;
    const reader = await typeReader(strapi, ability, uid, contentType.attributes, [
      ...titleFieldsOf(uid),
    ]);
    if (reader) readers.set(uid, reader);
  }

  const allows: ChunkFilter = (chunk) => {
    const reader = readers.get(chunk.uid);
    if (!reader) return false;
    if (reader.entries && !reader.entries.has(chunkKey(chunk))) return false;
    return reader.field(chunk, chunk.field);
  };
  const titled: ChunkFilter = (chunk) => {
    const reader = readers.get(chunk.uid);
    return !chunk.titleField || Boolean(reader?.field(chunk, chunk.titleField));
  };
  return {
    allows,
    titled,
    hidesTitles: [...readers.values()].some((reader) => reader.untitled),
  };
};
