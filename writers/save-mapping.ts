import type { BlogDraft, OutputSlot, TargetField } from '../contracts/writers';
import { blogMarkdown } from './blog-plan';

/**
 * "Save as draft" without Strapi: which fields of a content type can take generated text, which
 * output piece goes where by default, and each writer's output as those pieces.
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

type Slots = Partial<Record<OutputSlot, string>>;

const withSlug = (slots: Slots): Slots =>
  slots.title && !slots.slug ? { ...slots, slug: slugify(slots.title) } : slots;

const tagsText = (tags: readonly string[] | undefined) =>
  tags?.length ? tags.join(', ') : undefined;

type Output = Record<string, unknown>;

const SLOTS_OF: Record<string, (output: Output) => Slots> = {
  blog: (output) => {
    const draft = output as unknown as BlogDraft;
    return {
      title: draft.title,
      slug: draft.meta?.slug,
      body: blogMarkdown(draft),
      description: draft.meta?.metaDescription,
      metaTitle: draft.meta?.metaTitle,
      metaDescription: draft.meta?.metaDescription,
      tags: tagsText(draft.meta?.tags),
    };
  },
  news: (output) => ({
    title: output.headline as string,
    description: output.lead as string,
    body: `${output.lead as string}\n\n${output.body as string}`,
  }),
  email: (output) => ({
    title: (output.subjectLines as string[])[0],
    description: output.preheader as string,
    body: `${output.body as string}\n\n**${output.callToAction as string}**`,
  }),
  story: (output) => ({
    title: output.title as string,
    description: output.synopsis as string,
    body: output.story as string,
  }),
  'video-script': (output) => {
    const chapters = output.chapters as {
      timestamp: string;
      title: string;
      script: string;
      bRoll: string[];
    }[];
    return {
      title: (output.titleOptions as string[])[0],
      description: output.description as string,
      body: [
        output.hook as string,
        ...chapters.map(
          (chapter) =>
            `## ${chapter.timestamp} ${chapter.title}\n\n${chapter.script}${
              chapter.bRoll.length ? `\n\n*B-roll: ${chapter.bRoll.join('; ')}*` : ''
            }`,
        ),
      ].join('\n\n'),
      tags: tagsText(output.tags as string[]),
    };
  },
  social: (output) => {
    const posts = output.posts as {
      network: string;
      variants: { parts: string[]; hashtags: string[] }[];
    }[];
    return {
      body: posts
        .map(
          (post) =>
            `## ${post.network}\n\n${post.variants
              .map((variant) =>
                [...variant.parts, variant.hashtags.map((tag) => `#${tag}`).join(' ')]
                  .filter(Boolean)
                  .join('\n\n'),
              )
              .join('\n\n---\n\n')}`,
        )
        .join('\n\n'),
    };
  },
  prompt: (output) => ({ body: output.text as string }),
};

/** A generation's output as the pieces a mapping can place; absent pieces are left out. */
export const slotsOf = (kind: string, output: unknown): Slots => {
  const of = SLOTS_OF[kind];
  if (!of || !output || typeof output !== 'object') return {};
  const slots = withSlug(of(output as Output));
  return Object.fromEntries(
    Object.entries(slots).filter(([, value]) => typeof value === 'string' && value.trim()),
  ) as Slots;
};
