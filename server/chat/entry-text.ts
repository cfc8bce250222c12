import type { Attributes, ComponentLookup, SchemaAttribute } from '../../analysis/seo/entry';
import { textModelOf, type TextModel } from '../../analysis/seo/text';

/**
 * The text an entry holds, field by field, for the content index: strings, texts, rich text
 * (markdown), blocks, and the same inside components and dynamic zones. Each keeps the path a
 * citation names (`sections[1].body`, `seo.metaDescription`).
 */

export interface FieldText {
  path: string;
  model: TextModel;
}

/** Components nest at most this deep in what is read. */
const MAX_DEPTH = 5;

const plain = (text: string): TextModel => ({
  // Blank lines part paragraphs in a plain text field, as an editor would read it.
  blocks: text
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((part) => ({ kind: 'paragraph' as const, level: 0, text: part })),
  links: [],
  images: [],
});

/** What editors write: not private, and not a field Strapi keeps out of the edit view (`locale`). */
const isContent = (attribute: SchemaAttribute) => !attribute.private && attribute.visible !== false;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const fieldTextsOf = (
  entry: Record<string, unknown>,
  attributes: Attributes,
  lookup: ComponentLookup,
  prefix = '',
  depth = 0,
): FieldText[] =>
  Object.entries(attributes)
    .flatMap(([name, attribute]): FieldText[] => {
      const value = entry[name];
      const path = `${prefix}${name}`;
      if (value === null || value === undefined || !isContent(attribute)) return [];
      const inner = (item: unknown, uid: string | undefined, at: string) =>
        isRecord(item) && uid && depth < MAX_DEPTH
          ? fieldTextsOf(item, lookup(uid) ?? {}, lookup, `${at}.`, depth + 1)
          : [];
      switch (attribute.type) {
        case 'string':
        case 'text':
          return typeof value === 'string' && value.trim() ? [{ path, model: plain(value) }] : [];
        case 'richtext':
          return typeof value === 'string' && value.trim()
            ? [{ path, model: textModelOf(value, 'markdown') }]
            : [];
        case 'blocks':
          return Array.isArray(value) ? [{ path, model: textModelOf(value, 'blocks') }] : [];
        case 'component':
          return attribute.repeatable && Array.isArray(value)
            ? value.flatMap((item, i) => inner(item, attribute.component, `${path}[${i}]`))
            : inner(value, attribute.component, path);
        case 'dynamiczone':
          return Array.isArray(value)
            ? value.flatMap((item, i) =>
                inner(item, isRecord(item) ? String(item.__component) : undefined, `${path}[${i}]`),
              )
            : [];
        default:
          return [];
      }
    })
    .filter((field) => field.model.blocks.length > 0);

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks']);

const componentHoldsText = (uid: string | undefined, lookup: ComponentLookup, depth: number) =>
  depth < MAX_DEPTH && textFieldNames(lookup(uid ?? '') ?? {}, lookup, depth + 1).length > 0;

/** The top-level fields whose values `fieldTextsOf` reads text from: what an index may name. */
export const textFieldNames = (
  attributes: Attributes,
  lookup: ComponentLookup,
  depth = 0,
): string[] =>
  Object.entries(attributes)
    .filter(([, attribute]) => {
      if (!isContent(attribute)) return false;
      if (TEXT_TYPES.has(attribute.type)) return true;
      if (attribute.type === 'component') {
        return componentHoldsText(attribute.component, lookup, depth);
      }
      if (attribute.type === 'dynamiczone') {
        const components = attribute.components ?? [];
        return components.some((uid) => componentHoldsText(uid, lookup, depth));
      }
      return false;
    })
    .map(([name]) => name);
