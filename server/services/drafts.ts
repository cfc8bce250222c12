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
import type { Scope } from '../utils/permission-scope';

const MAPPINGS_KEY = 'mappings';

/** What the content manager's permission checker offers, as far as saving a draft needs. */
interface PermissionChecker {
  can: { create(entity?: Record<string, unknown>): boolean };
  sanitizeCreateInput(data: Record<string, unknown>): Promise<Record<string, unknown>>;
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
     * Creates a draft entry from a generation through the Document Service, as the content
     * manager would for this editor: same create permission (locale included), same fields
     * they may write. The mapping is remembered for the type; the generation links to the entry.
     */
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
      const type = collectionTypes().find((candidate) => candidate.uid === body.uid);
      if (!type) {
        throw new errors.ValidationError(`Invalid body: uid: no collection type ${body.uid}.`);
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
        locale = body.locale ?? locales.find((candidate) => candidate.isDefault)?.code ?? null;
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
      } else if (body.locale) {
        throw new errors.ValidationError(`Invalid body: locale: ${name} is not localized.`);
      }

      const fields = new Map(fieldsOf(type).map((field) => [field.path, field]));
      const data: Record<string, Record<string, unknown> | unknown> = {};
      for (const [path, slot] of Object.entries(body.mapping) as [string, OutputSlot][]) {
        const field = fields.get(path);
        if (!field) {
          throw new errors.ValidationError(
            `Invalid body: mapping.${path}: ${name} has no text field ${path}.`,
          );
        }
        const text = slots[slot];
        if (text === undefined) {
          throw new errors.ValidationError(
            `Invalid body: mapping.${path}: this generation has no ${slot}.`,
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
      await generations.update(documentId, {
        targetUid: type.uid,
        targetDocumentId: created.documentId,
        targetLocale: locale,
      });
      await mappingsStore().set({
        value: { ...(await rememberedMappings()), [type.uid]: body.mapping },
      });
      return { uid: type.uid, documentId: created.documentId, locale };
    },
  };
};

export default draftsService;
export type DraftsService = ReturnType<typeof draftsService>;
