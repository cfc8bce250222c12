import type { TextModel } from '../text';

/**
 * schema.org JSON-LD built from an entry, and a validator that checks each type's required and
 * recommended properties as Google's structured-data documentation lists them
 * (STRUCTURED-DATA.md beside this file). The validator reads any JSON-LD, so a fetched page's
 * markup can be checked with the same rules.
 */

export const SCHEMA_TYPES = [
  'Article',
  'FAQPage',
  'HowTo',
  'Product',
  'Organization',
  'BreadcrumbList',
] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

export interface StructuredSource {
  title?: string;
  description?: string;
  /** The entry's own address. */
  url?: string;
  image?: string;
  locale?: string;
  datePublished?: string;
  dateModified?: string;
  author?: string;
  /** The site (the publisher, the organisation). */
  siteName?: string;
  baseUrl?: string;
  logo?: string;
  /** The breadcrumb between the home page and the entry, such as the type's listing. */
  section?: { name: string; url?: string };
  /** The body, for questions and answers or steps. */
  model?: TextModel;
  offer?: { price?: string; priceCurrency?: string; availability?: string };
  brand?: string;
}

export interface StructuredIssue {
  /** Where in the JSON-LD, such as `mainEntity[0].acceptedAnswer.text`. */
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

type Node = Record<string, unknown>;

interface Rules {
  required: string[];
  recommended: string[];
  /** Rules of nested nodes, by property. */
  nested?: Record<string, string>;
  check?: (node: Node) => StructuredIssue[];
}

const RULES: Record<string, Rules> = {
  Article: {
    required: ['headline'],
    recommended: ['image', 'datePublished', 'dateModified', 'author'],
    nested: { author: 'Person' },
  },
  Person: { required: ['name'], recommended: [] },
  FAQPage: { required: ['mainEntity'], recommended: [], nested: { mainEntity: 'Question' } },
  Question: {
    required: ['name', 'acceptedAnswer'],
    recommended: [],
    nested: { acceptedAnswer: 'Answer' },
  },
  Answer: { required: ['text'], recommended: [] },
  HowTo: {
    required: ['name', 'step'],
    recommended: ['image', 'totalTime'],
    nested: { step: 'HowToStep' },
  },
  HowToStep: { required: ['text'], recommended: ['name'] },
  Product: {
    required: ['name'],
    recommended: ['image', 'description', 'brand'],
    nested: { offers: 'Offer' },
    check: (node) =>
      ['offers', 'review', 'aggregateRating'].some((key) => present(node[key]))
        ? []
        : [
            {
              path: 'offers',
              severity: 'error',
              message: 'A product needs one of offers, review or aggregateRating: add its price.',
            },
          ],
  },
  Offer: { required: ['price', 'priceCurrency'], recommended: ['availability'] },
  Organization: { required: ['name', 'url'], recommended: ['logo'] },
  BreadcrumbList: {
    required: ['itemListElement'],
    recommended: [],
    nested: { itemListElement: 'ListItem' },
    check: (node) =>
      Array.isArray(node.itemListElement) && node.itemListElement.length >= 2
        ? []
        : [
            {
              path: 'itemListElement',
              severity: 'error',
              message: 'A breadcrumb trail needs at least two items.',
            },
          ],
  },
  ListItem: { required: ['position', 'name'], recommended: ['item'] },
};

const present = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  !(typeof value === 'string' && !value.trim()) &&
  !(Array.isArray(value) && value.length === 0);

const validateNode = (node: Node, type: string, path: string): StructuredIssue[] => {
  const rules = RULES[type];
  if (!rules) return [];
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const issues: StructuredIssue[] = [
    ...rules.required
      .filter((key) => !present(node[key]))
      .map((key) => ({
        path: at(key),
        severity: 'error' as const,
        message: `${type} needs "${key}".`,
      })),
    ...rules.recommended
      .filter((key) => !present(node[key]))
      .map((key) => ({
        path: at(key),
        severity: 'warning' as const,
        message: `${type} should have "${key}".`,
      })),
    ...(rules.check?.(node).map((issue) => ({ ...issue, path: at(issue.path) })) ?? []),
  ];
  for (const [key, nestedType] of Object.entries(rules.nested ?? {})) {
    const value = node[key];
    const items = Array.isArray(value) ? value : present(value) ? [value] : [];
    items.forEach((item, i) => {
      if (item && typeof item === 'object') {
        const itemType =
          typeof (item as Node)['@type'] === 'string' ? (item as Node)['@type'] : nestedType;
        issues.push(
          ...validateNode(
            item as Node,
            itemType as string,
            Array.isArray(value) ? `${at(key)}[${i}]` : at(key),
          ),
        );
      }
    });
  }
  return issues;
};

/** The issues of a JSON-LD object (or a `@graph` of them); unknown types have no rules. */
export const validateJsonLd = (jsonLd: unknown): StructuredIssue[] => {
  if (!jsonLd || typeof jsonLd !== 'object') {
    return [{ path: '', severity: 'error', message: 'JSON-LD must be an object.' }];
  }
  const graph = (jsonLd as Node)['@graph'];
  const nodes = Array.isArray(graph) ? graph : Array.isArray(jsonLd) ? jsonLd : [jsonLd];
  return nodes.flatMap((node, i) => {
    const type = (node as Node)?.['@type'];
    const path = nodes.length > 1 ? `@graph[${i}]` : '';
    return typeof type === 'string' ? validateNode(node as Node, type, path) : [];
  });
};

/** A heading and the paragraphs under it, up to the next heading. */
const sectionsOf = (model: TextModel | undefined) => {
  const sections: { heading: string; level: number; text: string[] }[] = [];
  for (const block of model?.blocks ?? []) {
    if (block.kind === 'heading')
      sections.push({ heading: block.text, level: block.level, text: [] });
    else sections[sections.length - 1]?.text.push(block.text);
  }
  return sections;
};

/** Drops absent values, so a missing property is missing (and reported), not empty. */
const compact = (node: Node): Node =>
  Object.fromEntries(Object.entries(node).filter(([, value]) => present(value)));

const BUILDERS: Record<SchemaType, (source: StructuredSource) => Node> = {
  Article: (s) =>
    compact({
      '@type': 'Article',
      headline: s.title?.slice(0, 110),
      description: s.description,
      image: s.image ? [s.image] : undefined,
      datePublished: s.datePublished,
      dateModified: s.dateModified,
      inLanguage: s.locale,
      mainEntityOfPage: s.url,
      author: s.author ? { '@type': 'Person', name: s.author } : undefined,
      publisher: s.siteName
        ? compact({ '@type': 'Organization', name: s.siteName, logo: s.logo, url: s.baseUrl })
        : undefined,
    }),
  FAQPage: (s) =>
    compact({
      '@type': 'FAQPage',
      mainEntity: sectionsOf(s.model)
        .filter((section) => section.heading.trim().endsWith('?') && section.text.length)
        .map((section) => ({
          '@type': 'Question',
          name: section.heading,
          acceptedAnswer: { '@type': 'Answer', text: section.text.join('\n\n') },
        })),
    }),
  HowTo: (s) => {
    const sections = sectionsOf(s.model).filter(
      (section) => section.level >= 2 && section.text.length,
    );
    return compact({
      '@type': 'HowTo',
      name: s.title,
      description: s.description,
      image: s.image,
      step: sections.map((section, i) =>
        compact({
          '@type': 'HowToStep',
          position: i + 1,
          name: section.heading,
          text: section.text.join('\n\n'),
          url: s.url ? `${s.url}#step-${i + 1}` : undefined,
        }),
      ),
    });
  },
  Product: (s) =>
    compact({
      '@type': 'Product',
      name: s.title,
      description: s.description,
      image: s.image ? [s.image] : undefined,
      brand: s.brand ? { '@type': 'Brand', name: s.brand } : undefined,
      offers:
        s.offer && Object.values(s.offer).some(present)
          ? compact({
              '@type': 'Offer',
              price: s.offer.price,
              priceCurrency: s.offer.priceCurrency,
              availability: s.offer.availability
                ? `https://schema.org/${s.offer.availability}`
                : undefined,
              url: s.url,
            })
          : undefined,
    }),
  Organization: (s) =>
    compact({ '@type': 'Organization', name: s.siteName, url: s.baseUrl, logo: s.logo }),
  BreadcrumbList: (s) => {
    const trail = [
      { name: s.siteName || 'Home', item: s.baseUrl },
      ...(s.section ? [{ name: s.section.name, item: s.section.url }] : []),
      { name: s.title, item: s.url },
    ].filter((crumb) => present(crumb.name));
    return {
      '@type': 'BreadcrumbList',
      itemListElement: trail.map((crumb, i) =>
        compact({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: crumb.item }),
      ),
    };
  },
};

export interface StructuredData {
  type: SchemaType;
  jsonLd: Node;
  issues: StructuredIssue[];
  /** Ready for a `<script type="application/ld+json">`. */
  script: string;
}

export const structuredData = (type: SchemaType, source: StructuredSource): StructuredData => {
  const jsonLd = { '@context': 'https://schema.org', ...BUILDERS[type](source) };
  return {
    type,
    jsonLd,
    issues: validateJsonLd(jsonLd),
    // `</` would end the script element early.
    script: JSON.stringify(jsonLd, null, 2).replace(/<\//g, '<\\/'),
  };
};

export interface SocialTag {
  property: string;
  content: string;
}

/** OpenGraph and Twitter card tags; a large image card when there is an image. */
export const socialTags = (source: StructuredSource, type: 'article' | 'website' = 'article') => {
  const tags: SocialTag[] = [
    { property: 'og:type', content: type },
    { property: 'og:title', content: source.title ?? '' },
    { property: 'og:description', content: source.description ?? '' },
    { property: 'og:url', content: source.url ?? '' },
    { property: 'og:image', content: source.image ?? '' },
    { property: 'og:site_name', content: source.siteName ?? '' },
    { property: 'og:locale', content: source.locale?.replace('-', '_') ?? '' },
    { property: 'twitter:card', content: source.image ? 'summary_large_image' : 'summary' },
    { property: 'twitter:title', content: source.title ?? '' },
    { property: 'twitter:description', content: source.description ?? '' },
    { property: 'twitter:image', content: source.image ?? '' },
  ].filter((tag) => tag.content);
  const missing = ['og:title', 'og:description', 'og:image', 'og:url'].filter(
    (property) => !tags.some((tag) => tag.property === property),
  );
  return { tags, missing };
};
