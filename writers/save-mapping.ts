import type { OutputSlot, TargetField } from '../contracts/writers';
import { isWriterId, WRITERS, type Slots } from './index';

/**
 * "Save as draft" without Strapi: which fields of a content type can take generated text, which
 * output piece goes where by default, and a generation's output as those pieces (each writer's
 * definition says what its pieces are).
 */

type Attribute = {
  type: string;
  /** Fields Strapi manages itself (such as `locale`) are not shown, nor filled. */
  visible?: boolean;
  required?: boolean;
  repeatable?: boolean;
  component?: string;
};
type Attributes = Record<string, Attribute>;

/** Field types that hold text a writer can fill. */
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks', 'uid']);

/** Top-level text fields, and those of single (non-repeatable) components as `component.field`. */
export const targetFieldsOf = (
  attributes: Attributes,
  componentAttributes: (uid: string) => Attributes | undefined,
): TargetField[] =>
  Object.entries(attributes).flatMap(([name, attribute]): TargetField[] => {
    if (attribute.visible === false) return [];
    if (TEXT_TYPES.has(attribute.type)) {
      return [{ path: name, type: attribute.type, required: Boolean(attribute.required) }];
    }
    if (attribute.type !== 'component' || attribute.repeatable || !attribute.component) return [];
    return Object.entries(componentAttributes(attribute.component) ?? {})
      .filter(([, inner]) => TEXT_TYPES.has(inner.type) && inner.type !== 'uid')
      .map(([innerName, inner]) => ({
        path: `${name}.${innerName}`,
        type: inner.type,
        required: Boolean(inner.required),
      }));
  });

const NAME_HINTS: { slot: OutputSlot; names: RegExp; types?: string[] }[] = [
  { slot: 'metaTitle', names: /(meta|seo)_?title$/i },
  { slot: 'metaDescription', names: /(meta|seo)_?description$/i },
  { slot: 'slug', names: /slug$/i },
  { slot: 'title', names: /^(title|name|headline|heading)$/i },
  { slot: 'body', names: /^(body|content|text|article|post|story)$/i },
  { slot: 'description', names: /^(description|excerpt|summary|lead|intro|teaser)$/i },
  { slot: 'tags', names: /^(tags|keywords)$/i, types: ['string', 'text'] },
];

/** The obvious mapping, from field names: each slot goes to the first field that fits it. */
export const detectMapping = (fields: readonly TargetField[]): Record<string, OutputSlot> => {
  const mapping: Record<string, OutputSlot> = {};
  for (const hint of NAME_HINTS) {
    const field = fields.find(
      (candidate) =>
        !(candidate.path in mapping) &&
        hint.names.test(candidate.path.split('.').pop() ?? '') &&
        (!hint.types || hint.types.includes(candidate.type)) &&
        (hint.slot !== 'slug' || candidate.type === 'uid' || candidate.type === 'string'),
    );
    if (field) mapping[field.path] = hint.slot;
  }
  return mapping;
};

export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');

const withSlug = (slots: Slots): Slots =>
  slots.title && !slots.slug ? { ...slots, slug: slugify(slots.title) } : slots;

/** A writer's own slots, or a free prompt's text as the body. */
const slotsFor = (kind: string): ((output: never) => Slots) | undefined =>
  isWriterId(kind)
    ? WRITERS[kind].slots
    : kind === 'prompt'
      ? (output: { text: string }) => ({ body: output.text })
      : undefined;

/** A generation's output as the pieces a mapping can place; absent pieces are left out. */
export const slotsOf = (kind: string, output: unknown): Slots => {
  const of = slotsFor(kind);
  if (!of || !output || typeof output !== 'object') return {};
  const slots = withSlug(of(output as never));
  return Object.fromEntries(
    Object.entries(slots).filter(([, value]) => typeof value === 'string' && value.trim()),
  ) as Slots;
};
