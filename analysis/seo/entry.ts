import type { ContentFormat, Paper, PaperImage } from './types';

/**
 * An entry of any content type as the engine's paper: which fields hold the title, the meta
 * title and description, the slug, the body and the images. The body may span several fields,
 * components (single or repeatable) and dynamic zones; their text is read in field order.
 */

export interface SchemaAttribute {
  type: string;
  component?: string;
  repeatable?: boolean;
  visible?: boolean;
  /** Left out of every API answer. */
  private?: boolean;
  /** A dynamic zone's component uids. */
  components?: string[];
}
export type Attributes = Record<string, SchemaAttribute>;
/** A component's attributes by its uid (`shared.seo`). */
export type ComponentLookup = (uid: string) => Attributes | undefined;

export interface SeoFieldMapping {
  title: string | null;
  metaTitle: string | null;
  metaDescription: string | null;
  slug: string | null;
  /** Attributes whose text is the body, in reading order. */
  body: string[];
  /** Media attributes whose images (and alt texts) belong to the entry. */
  images: string[];
}

const TEXT_BODY = new Set(['richtext', 'blocks']);
const HEADING_NAMES = /^(heading|title|headline|subtitle)$/i;

/** Fields of a single component, as `component.field`, beside the top-level ones. */
const flatFields = (attributes: Attributes, lookup: ComponentLookup) =>
  Object.entries(attributes).flatMap(([name, attribute]): [string, SchemaAttribute][] => {
    if (attribute.visible === false) return [];
    if (attribute.type === 'component' && !attribute.repeatable && attribute.component) {
      return Object.entries(lookup(attribute.component) ?? {}).map(([inner, innerAttribute]) => [
        `${name}.${inner}`,
        innerAttribute,
      ]);
    }
    return [[name, attribute]];
  });

/** Whether a component (or any component it nests) holds body text. */
const holdsText = (uid: string | undefined, lookup: ComponentLookup, depth = 0): boolean =>
  depth < 5 &&
  Object.values((uid && lookup(uid)) ?? {}).some(
    (attribute) =>
      TEXT_BODY.has(attribute.type) ||
      attribute.type === 'text' ||
      (attribute.type === 'component' && holdsText(attribute.component, lookup, depth + 1)),
  );

/** The obvious mapping, from field names and types; the admin can change it per type. */
export const detectSeoMapping = (
  attributes: Attributes,
  lookup: ComponentLookup,
): SeoFieldMapping => {
  const fields = flatFields(attributes, lookup);
  const find = (names: RegExp, types: string[]) =>
    fields.find(
      ([path, attribute]) => types.includes(attribute.type) && names.test(path.split('.').pop()!),
    )?.[0] ?? null;
  const metaTitle = find(/(meta|seo)_?title$/i, ['string', 'text']);
  const metaDescription = find(/(meta|seo)_?description$/i, ['string', 'text']);
  const metaComponents = new Set(
    [metaTitle, metaDescription].filter(Boolean).map((path) => path!.split('.')[0]),
  );
  const body = Object.entries(attributes)
    .filter(([name, attribute]) => {
      if (attribute.visible === false) return false;
      if (TEXT_BODY.has(attribute.type) || attribute.type === 'dynamiczone') return true;
      return (
        attribute.type === 'component' &&
        !metaComponents.has(name) &&
        holdsText(attribute.component, lookup)
      );
    })
    .map(([name]) => name);
  return {
    title: find(/^(title|name|headline|heading)$/i, ['string']),
    metaTitle,
    metaDescription,
    slug:
      fields.find(([, attribute]) => attribute.type === 'uid')?.[0] ?? find(/^slug$/i, ['string']),
    body,
    images: Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'media')
      .map(([name]) => name),
  };
};

/** Components nest at most this deep in what the analysis reads. */
const POPULATE_DEPTH = 5;

/**
 * The Document Service populate that reads fields whole: media, and components and dynamic zones
 * with whatever they nest (a dynamic zone's components each by name, as Strapi 5 asks).
 */
export const populateOf = (
  attributes: Attributes,
  names: Iterable<string>,
  lookup: ComponentLookup,
  depth = 0,
): Record<string, unknown> => {
  const inner = (uid: string | undefined) => {
    const nested =
      depth < POPULATE_DEPTH
        ? populateOf(
            lookup(uid ?? '') ?? {},
            Object.keys(lookup(uid ?? '') ?? {}),
            lookup,
            depth + 1,
          )
        : {};
    return Object.keys(nested).length ? { populate: nested } : true;
  };
  return Object.fromEntries(
    [...names].flatMap((name): [string, unknown][] => {
      const attribute = attributes[name];
      if (attribute?.type === 'media') return [[name, true]];
      if (attribute?.type === 'component') return [[name, inner(attribute.component)]];
      if (attribute?.type === 'dynamiczone') {
        return [
          [
            name,
            {
              on: Object.fromEntries((attribute.components ?? []).map((uid) => [uid, inner(uid)])),
            },
          ],
        ];
      }
      return [];
    }),
  );
};

const TEXT_FIELD = new Set(['string', 'text', 'uid', 'email']);
const BODY_FIELD = new Set(['richtext', 'blocks', 'text', 'component', 'dynamiczone']);

/** The fields a mapping may name, by role: what the settings page offers. */
export interface MappingCandidates {
  /** Text fields (a single component's as `component.field`): title, meta, slug. */
  text: string[];
  /** Top-level fields that hold body text. */
  body: string[];
  media: string[];
}

export const mappingCandidates = (
  attributes: Attributes,
  lookup: ComponentLookup,
): MappingCandidates => ({
  text: flatFields(attributes, lookup)
    .filter(([, attribute]) => TEXT_FIELD.has(attribute.type))
    .map(([path]) => path),
  body: Object.entries(attributes)
    .filter(([, attribute]) => attribute.visible !== false && BODY_FIELD.has(attribute.type))
    .map(([name]) => name),
  media: Object.entries(attributes)
    .filter(([, attribute]) => attribute.type === 'media')
    .map(([name]) => name),
});

/** What is wrong with a mapping an admin chose, each problem naming its field. */
export const mappingProblems = (
  attributes: Attributes,
  lookup: ComponentLookup,
  mapping: SeoFieldMapping,
): { field: string; message: string }[] => {
  const fields = new Map(flatFields(attributes, lookup));
  const single = (['title', 'metaTitle', 'metaDescription', 'slug'] as const).flatMap((key) => {
    const path = mapping[key];
    if (path === null) return [];
    const attribute = fields.get(path);
    return attribute && TEXT_FIELD.has(attribute.type)
      ? []
      : [{ field: `mapping.${key}`, message: `${path} is not a text field of this type` }];
  });
  const listed = (key: 'body' | 'images', accepts: (type: string) => boolean, what: string) =>
    mapping[key].flatMap((name, i) =>
      attributes[name] && accepts(attributes[name].type)
        ? []
        : [{ field: `mapping.${key}.${i}`, message: `${name} is not ${what} of this type` }],
    );
  return [
    ...single,
    ...listed(
      'body',
      (type) => BODY_FIELD.has(type),
      'a text, rich text, blocks, component or dynamic zone field',
    ),
    ...listed('images', (type) => type === 'media', 'a media field'),
  ];
};

type Entry = Record<string, unknown>;

const valueAt = (entry: Entry, path: string | null): unknown =>
  path
    ?.split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Entry)[key] : undefined),
      entry,
    );

const textAt = (entry: Entry, path: string | null) => {
  const value = valueAt(entry, path);
  return typeof value === 'string' ? value : undefined;
};

interface Collected {
  parts: { content: unknown; contentFormat: ContentFormat }[];
  images: PaperImage[];
}

const mediaOf = (value: unknown, into: PaperImage[]) => {
  for (const file of Array.isArray(value) ? value : [value]) {
    if (file && typeof file === 'object' && 'url' in file) {
      const { url, alternativeText } = file as { url?: string; alternativeText?: string | null };
      into.push({ src: url ?? '', alt: alternativeText ?? '' });
    }
  }
};

/** The text of one field, whatever it is: rich text, blocks, a component, a dynamic zone. */
const collect = (
  value: unknown,
  name: string,
  attribute: SchemaAttribute | undefined,
  lookup: ComponentLookup,
  into: Collected,
  depth = 0,
) => {
  if (value === null || value === undefined || !attribute || depth > 8) return;
  const fieldsOf = (item: unknown, uid: string | undefined) => {
    if (!item || typeof item !== 'object' || !uid) return;
    for (const [inner, innerAttribute] of Object.entries(lookup(uid) ?? {})) {
      collect((item as Entry)[inner], inner, innerAttribute, lookup, into, depth + 1);
    }
  };
  switch (attribute.type) {
    case 'richtext':
    case 'text':
      if (typeof value === 'string') into.parts.push({ content: value, contentFormat: 'markdown' });
      return;
    case 'string':
      // Inside a component a short text is a heading or a line of its own.
      if (typeof value === 'string' && value.trim())
        into.parts.push({
          content: HEADING_NAMES.test(name) ? `## ${value}` : value,
          contentFormat: 'markdown',
        });
      return;
    case 'blocks':
      if (Array.isArray(value)) into.parts.push({ content: value, contentFormat: 'blocks' });
      return;
    case 'media':
      mediaOf(value, into.images);
      return;
    case 'component':
      for (const item of Array.isArray(value) ? value : [value])
        fieldsOf(item, attribute.component);
      return;
    case 'dynamiczone':
      for (const item of Array.isArray(value) ? value : []) {
        fieldsOf(item, (item as { __component?: string })?.__component);
      }
      return;
    default:
  }
};

/** The paper of one entry (components and dynamic zones populated) under a mapping. */
export const paperOfEntry = (
  entry: Entry,
  mapping: SeoFieldMapping,
  attributes: Attributes,
  lookup: ComponentLookup,
  extra: Pick<Paper, 'keyphrase' | 'synonyms' | 'locale' | 'baseUrl'> = {},
): Paper => {
  const collected: Collected = { parts: [], images: [] };
  for (const name of mapping.body) collect(entry[name], name, attributes[name], lookup, collected);
  for (const name of mapping.images) mediaOf(entry[name], collected.images);
  return {
    title: textAt(entry, mapping.title),
    metaTitle: textAt(entry, mapping.metaTitle),
    metaDescription: textAt(entry, mapping.metaDescription),
    slug: textAt(entry, mapping.slug),
    parts: collected.parts,
    images: collected.images,
    ...extra,
  };
};
