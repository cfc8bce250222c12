import type { Core } from '@strapi/strapi';
import { errors, setCreatorFields } from '@strapi/utils';
import type {
  OutputSlot,
  SaveDraftBody,
  SaveTarget,
  SavedDraft,
  TargetField,
} from '../../contracts/writers';
import { PLUGIN_ID } from '../../contracts/permissions';
import { markdownToBlocks } from '../../writers/markdown-blocks';
import { detectMapping, slotsOf, slugify, targetFieldsOf } from '../../writers/save-mapping';
import { generationsRepository } from '../repositories/generations';
import { ConflictError } from '../utils/http-errors';
import type { Scope } from '../utils/permission-scope';

const MAPPINGS_KEY = 'mappings';

/** What the content manager's permission checker offers, as far as saving a draft needs. */
interface PermissionChecker {
  can: {
    create(entity?: Record<string, unknown>): boolean;
    read(entity?: Record<string, unknown>): boolean;
    update(entity?: Record<string, unknown>): boolean;
  };
  sanitizeCreateInput(data: Record<string, unknown>): Promise<Record<string, unknown>>;
  sanitizeUpdateInput(
    entity: Record<string, unknown>,
  ): (data: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

export interface Editor {
  user: { id: number; roles?: { id: number }[] };
  userAbility: unknown;
}

type ContentType = {
  uid: string;
  kind: string;
  info: { displayName: string };
  attributes: Parameters<typeof targetFieldsOf>[0];
  pluginOptions?: { i18n?: { localized?: boolean } };
};

/** A slot's text in the form a field of this type stores. */
const valueFor = (type: string, text: string): unknown => {
  if (type === 'blocks') return markdownToBlocks(text);
  if (type === 'uid') return slugify(text);
  return text;
};

const draftsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const generations = generationsRepository(strapi);
  const mappingsStore = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: MAPPINGS_KEY });

  const checkerFor = (editor: Editor, uid: string): PermissionChecker =>
    strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: editor.userAbility, model: uid }) as PermissionChecker;

  const collectionTypes = () =>
    (Object.values(strapi.contentTypes) as unknown as ContentType[]).filter(
      (type) => type.uid.startsWith('api::') && type.kind === 'collectionType',
    );

  const fieldsOf = (type: ContentType): TargetField[] =>
    targetFieldsOf(
      type.attributes,
      (component) =>
        (strapi.components as unknown as Record<string, { attributes: ContentType['attributes'] }>)[
          component
        ]?.attributes,
    );

  const i18nLocales = () => strapi.plugin('i18n')?.service('locales');
  const isLocalized = (type: ContentType) =>
    Boolean(type.pluginOptions?.i18n?.localized && i18nLocales());

  const localesOf = async (type: ContentType) => {
    if (!isLocalized(type)) return null;
    const locales = i18nLocales()!;
    const [all, defaultCode] = await Promise.all([
      locales.find() as Promise<{ code: string; name: string }[]>,
      locales.getDefaultLocale() as Promise<string>,
    ]);
    return all.map(({ code, name }) => ({ code, name, isDefault: code === defaultCode }));
  };

  const rememberedMappings = async () =>
    ((await mappingsStore().get({})) as Record<string, Record<string, OutputSlot>> | null) ?? {};

  return {
    /** The text fields an entry of a type can be written through (`title`, `seo.metaTitle`). */
    textFieldsOf(uid: string): TargetField[] {
      const type = collectionTypes().find((candidate) => candidate.uid === uid);
      return type ? fieldsOf(type) : [];
    },

    /** The collection types this editor may create entries of, with how output would map. */
    async targets(editor: Editor): Promise<SaveTarget[]> {
      const remembered = await rememberedMappings();
      const creatable = collectionTypes().filter((type) =>
        checkerFor(editor, type.uid).can.create(),
      );
      return Promise.all(
        creatable.map(async (type) => {
          const fields = fieldsOf(type);
          return {
            uid: type.uid,
            displayName: type.info.displayName,
            locales: await localesOf(type),
            fields,
            mapping: remembered[type.uid] ?? detectMapping(fields),
            remembered: Boolean(remembered[type.uid]),
          };
        }),
      );
    },

    /**
     * Creates a draft entry through the Document Service, as the content manager would for this
     * editor: same create permission (locale included), same fields they may write. `values`
     * holds text by field path (`title`, `seo.metaTitle`); `where` names them in errors.
     */
    async createEntry(
      editor: Editor,
      target: { uid: string; locale?: string | null; values: Record<string, string> },
      where = 'fields',
    ): Promise<SavedDraft> {
      const type = collectionTypes().find((candidate) => candidate.uid === target.uid);
      if (!type) {
        throw new errors.ValidationError(`Invalid body: uid: no collection type ${target.uid}.`);
      }
      const checker = checkerFor(editor, type.uid);
      const name = type.info.displayName;
      // A PolicyError, not a ForbiddenError: Strapi replaces the latter's message with "Forbidden".
      if (!checker.can.create()) {
        throw new errors.PolicyError(
          `You may not create ${name} entries: ask an administrator for the content manager's "Create" permission on ${name}.`,
        );
      }
      const locales = await localesOf(type);
      let locale: string | null = null;
      if (locales) {
        locale = target.locale ?? locales.find((candidate) => candidate.isDefault)?.code ?? null;
        if (!locales.some((candidate) => candidate.code === locale)) {
          throw new errors.ValidationError(
            `Invalid body: locale: ${locale} is not one of ${locales.map(({ code }) => code).join(', ')}.`,
          );
        }
        // The entry as it will be: in this locale, created by this editor, so conditions such as
        // "Is creator" on the Create permission hold as they will for the saved entry.
        if (!checker.can.create({ locale, createdBy: editor.user })) {
          throw new errors.PolicyError(
            `You may not create ${name} entries in the ${locale} locale: ask an administrator for that locale's "Create" permission.`,
          );
        }
      } else if (target.locale) {
        throw new errors.ValidationError(`Invalid body: locale: ${name} is not localized.`);
      }

      const fields = new Map(fieldsOf(type).map((field) => [field.path, field]));
      const data: Record<string, Record<string, unknown> | unknown> = {};
      for (const [path, text] of Object.entries(target.values)) {
        const field = fields.get(path);
        if (!field) {
          throw new errors.ValidationError(
            `Invalid body: ${where}.${path}: ${name} has no text field ${path}.`,
          );
        }
        const [top, inner] = path.split('.') as [string, string | undefined];
        if (inner)
          data[top] = {
            ...(data[top] as Record<string, unknown>),
            [inner]: valueFor(field.type, text),
          };
        else data[top] = valueFor(field.type, text);
      }

      const permitted = setCreatorFields({ user: editor.user })(
        await checker.sanitizeCreateInput(data),
      ) as Record<string, unknown>;
      const created = await strapi.documents(type.uid as never).create({
        data: permitted as never,
        ...(locale ? { locale } : {}),
      });
      return { uid: type.uid, documentId: created.documentId, locale };
    },

    /**
     * Changes one text field of an entry's draft, as the content manager would for this editor:
     * a 404 when they may not read the entry, a 403 when they may not update it.
     */
    async updateField(
      editor: Editor,
      target: { uid: string; documentId: string; locale?: string | null },
      path: string,
      text: string,
      /** The field's text the change was made from: if it changed since, nothing is written. */
      expected?: string,
    ): Promise<SavedDraft> {
      const type = collectionTypes().find((candidate) => candidate.uid === target.uid);
      const checker = type && checkerFor(editor, type.uid);
      const entry =
        type &&
        ((await strapi.documents(type.uid as never).findOne({
          documentId: target.documentId,
          ...(target.locale ? { locale: target.locale } : {}),
          status: 'draft',
          // A component's other fields are read to be written back beside the one changed.
          populate: {
            createdBy: true,
            ...(path.includes('.') ? { [path.split('.')[0]!]: true } : {}),
          } as never,
        })) as (Record<string, unknown> & { locale?: string | null }) | null);
      if (!type || !checker || !entry || !checker.can.read(entry)) {
        throw new errors.NotFoundError(
          `No entry ${target.documentId} of ${target.uid} you may read.`,
        );
      }
      const name = type.info.displayName;
      if (!checker.can.update(entry)) {
        throw new errors.PolicyError(
          `You may not change this ${name} entry: ask an administrator for the content manager's "Update" permission on ${name}.`,
        );
      }
      const field = fieldsOf(type).find((candidate) => candidate.path === path);
      if (!field) {
        throw new errors.ValidationError(`Invalid body: field: ${name} has no text field ${path}.`);
      }
      const [top, inner] = path.split('.') as [string, string | undefined];
      if (expected !== undefined && !inner && (entry[top] ?? '') !== expected) {
        throw new ConflictError(
          `${path} changed since this was proposed: nothing was written. Ask again for a fresh proposal.`,
        );
      }
      // A component is written whole: the fields beside the one changed keep their values.
      const data = inner
        ? {
            [top]: {
              ...(entry[top] as Record<string, unknown>),
              [inner]: valueFor(field.type, text),
            },
          }
        : { [top]: valueFor(field.type, text) };
      const permitted = setCreatorFields({ user: editor.user, isEdition: true })(
        await checker.sanitizeUpdateInput(entry)(data),
      ) as Record<string, unknown>;
      await strapi.documents(type.uid as never).update({
        documentId: target.documentId,
        ...(entry.locale ? { locale: entry.locale } : {}),
        data: permitted as never,
      });
      return { uid: type.uid, documentId: target.documentId, locale: entry.locale ?? null };
    },

    /** Saves a finished generation as a draft entry; the mapping is remembered for the type. */
    async save(
      documentId: string,
      body: SaveDraftBody,
      editor: Editor,
      scope: Scope,
    ): Promise<SavedDraft> {
      const generation = await generations.find(documentId, scope);
      if (!generation) throw new errors.NotFoundError(`No generation with id ${documentId}.`);
      const slots = slotsOf(generation.kind, generation.output);
      if (generation.status !== 'succeeded' || !Object.keys(slots).length) {
        throw new errors.ApplicationError('Only a finished generation can be saved as a draft.');
      }
      const values: Record<string, string> = {};
      for (const [path, slot] of Object.entries(body.mapping) as [string, OutputSlot][]) {
        const text = slots[slot];
        if (text === undefined) {
          throw new errors.ValidationError(
            `Invalid body: mapping.${path}: this generation has no ${slot}.`,
          );
        }
        values[path] = text;
      }
      const saved = await this.createEntry(
        editor,
        { uid: body.uid, locale: body.locale, values },
        'mapping',
      );
      await generations.update(documentId, {
        targetUid: saved.uid,
        targetDocumentId: saved.documentId,
        targetLocale: saved.locale,
      });
      await mappingsStore().set({
        value: { ...(await rememberedMappings()), [saved.uid]: body.mapping },
      });
      return saved;
    },
  };
};

export default draftsService;
export type DraftsService = ReturnType<typeof draftsService>;
