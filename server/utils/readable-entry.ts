import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The content manager's own permission checker for a user's content type: what the SEO routes
 * and tools use before they read or change a user's entry.
 */
export interface EntryChecker {
  can: {
    read(entity?: Record<string, unknown>, field?: string): boolean;
    update(entity?: Record<string, unknown>): boolean;
    publish(entity?: Record<string, unknown>): boolean;
  };
  /** Whether the rules have conditions: an entry must then be checked itself. */
  requiresEntity: { read(): boolean };
  sanitizedQuery: { read(query: Record<string, unknown>): Promise<Record<string, unknown>> };
  sanitizeOutput<T extends Record<string, unknown>>(data: T): Promise<T>;
}

type Entry = Record<string, unknown>;

/**
 * How a user reads a type's entries: the filters of their read conditions (null when none), and
 * the entry as they may see it (fields they may not read removed).
 */
export interface EntryReader {
  filters: Record<string, unknown> | null;
  sanitize<T extends Entry>(entry: T): Promise<T>;
}

export interface EntryRef {
  uid: string;
  documentId: string;
  locale?: string;
}

/** The user's abilities, as a request (`ctx.state.userAbility`) or an MCP session holds them. */
export type UserAbility = unknown;

/** Who a request acts for: their id, and their abilities for checks on users' content types. */
export interface Actor {
  id: number;
  ability: UserAbility;
}

export const checkerFor = (strapi: Core.Strapi, userAbility: UserAbility, uid: string) =>
  strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility, model: uid }) as EntryChecker;

/**
 * The entry, if this user may read it in the content manager (conditions such as "Is creator"
 * included); otherwise a 404 that says no more than that.
 */
export const readableEntry = async (
  strapi: Core.Strapi,
  userAbility: UserAbility,
  ref: EntryRef,
) => {
  const checker = checkerFor(strapi, userAbility, ref.uid);
  const notFound = new errors.NotFoundError(
    `No entry ${ref.documentId} of ${ref.uid} you may read.`,
  );
  if (!strapi.contentTypes[ref.uid as never] || !checker.can.read()) throw notFound;
  const entry = (await strapi.documents(ref.uid as never).findOne({
    documentId: ref.documentId,
    ...(ref.locale ? { locale: ref.locale } : {}),
    populate: ['createdBy'] as never,
  })) as (Record<string, unknown> & { locale?: string | null }) | null;
  if (!entry || !checker.can.read(entry)) throw notFound;
  return {
    target: { uid: ref.uid, documentId: ref.documentId, locale: entry.locale ?? null },
    entry,
    checker,
    sanitize: <T extends Entry>(data: T) => checker.sanitizeOutput(data),
  };
};

/** A user's reader of a type; a 404 when they may read none of its entries. */
export const entryReader = async (
  strapi: Core.Strapi,
  userAbility: UserAbility,
  uid: string,
): Promise<EntryReader> => {
  const checker = checkerFor(strapi, userAbility, uid);
  if (!strapi.contentTypes[uid as never] || !checker.can.read()) {
    throw new errors.NotFoundError(`No content type ${uid} you may read.`);
  }
  const { filters } = await checker.sanitizedQuery.read({});
  return {
    // Without conditions the permission query is an empty filter: no filter at all.
    filters: filters && Object.keys(filters).length ? (filters as Record<string, unknown>) : null,
    sanitize: (entry) => checker.sanitizeOutput(entry),
  };
};

/**
 * The document ids of a type this user may read in a locale, or null when their read permission
 * has no conditions (they may read every one); a 404 when they may read none.
 */
export const readableIds = async (
  strapi: Core.Strapi,
  userAbility: UserAbility,
  uid: string,
  locale: string | undefined,
) => {
  const { filters } = await entryReader(strapi, userAbility, uid);
  if (!filters) return null;
  const rows = (await strapi.documents(uid as never).findMany({
    filters,
    fields: ['documentId'],
    ...(locale ? { locale } : {}),
  } as never)) as { documentId: string }[];
  return rows.map((row) => row.documentId);
};
