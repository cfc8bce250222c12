import { z } from 'zod';
import type { SOCIAL_NETWORKS } from './catalogue';
import { atMostChars, charsBetween, countBetween, isSlug, type LimitViolation } from './limits';

/**
 * What each writer produces. The schemas hold the shape the model must return (structured
 * output); the limits (characters, counts) are measured afterwards by `check*`, because a
 * schema violation would only trigger a blind retry where a limit can name what to fix.
 */

type Network = (typeof SOCIAL_NETWORKS)[number];

/** Each network's own hard limits. */
export const NETWORK_LIMITS: Record<Network, { maxChars: number; maxHashtags?: number }> = {
  x: { maxChars: 280 },
  linkedin: { maxChars: 3000 },
  facebook: { maxChars: 63_206 },
  instagram: { maxChars: 2200, maxHashtags: 30 },
};

export const META_TITLE_MAX = 60;
export const META_DESCRIPTION_RANGE = [120, 156] as const;

const markdown = z.string().min(1);

export const blogMeta = z.object({
  metaTitle: z.string().min(1),
  metaDescription: z.string().min(1),
  slug: z.string().min(1),
  tags: z.array(z.string().min(1)),
});

/** The long-form blog's first step: what the sections will be, before any is written. */
export const blogOutline = z.object({
  titleOptions: z.array(z.string().min(1)),
  sections: z.array(
    z.object({
      heading: z.string().min(1),
      points: z.array(z.string().min(1)),
    }),
  ),
});

export const blogFaq = z.object({
  faq: z.array(z.object({ question: z.string().min(1), answer: z.string().min(1) })),
});

export const newsArticle = z.object({
  headline: z.string().min(1),
  lead: z.string().min(1),
  body: markdown,
});

export const socialPosts = z.object({
  posts: z.array(
    z.object({
      network: z.enum(['x', 'linkedin', 'facebook', 'instagram']),
      variants: z.array(
        z.object({
          /** A single post, or on X a thread: one entry per post of the thread. */
          parts: z.array(z.string().min(1)).min(1),
          hashtags: z.array(z.string().min(1)),
        }),
      ),
    }),
  ),
});

export const emailNewsletter = z.object({
  subjectLines: z.array(z.string().min(1)),
  preheader: z.string().min(1),
  body: markdown,
  callToAction: z.string().min(1),
});

export const story = z.object({
  title: z.string().min(1),
  synopsis: z.string().min(1),
  story: markdown,
});

export const videoScript = z.object({
  titleOptions: z.array(z.string().min(1)),
  hook: z.string().min(1),
  chapters: z.array(
    z.object({
      timestamp: z.string().regex(/^\d{1,2}:\d{2}(:\d{2})?$/, 'must be m:ss or h:mm:ss'),
      title: z.string().min(1),
      script: markdown,
      bRoll: z.array(z.string()),
    }),
  ),
  description: z.string().min(1),
  tags: z.array(z.string().min(1)),
});

export const checkBlogMeta = (meta: z.output<typeof blogMeta>): LimitViolation[] => [
  ...atMostChars('metaTitle', meta.metaTitle, META_TITLE_MAX),
  ...charsBetween('metaDescription', meta.metaDescription, ...META_DESCRIPTION_RANGE),
  ...isSlug('slug', meta.slug),
  ...countBetween('tags', meta.tags, 1, 10),
];

export const BLOG_TITLE_MAX = 100;
export const BLOG_FAQ_RANGE = [3, 6] as const;

export const checkBlogOutline = (
  outline: z.output<typeof blogOutline>,
  wanted: { sections: number },
): LimitViolation[] => [
  ...countBetween('titleOptions', outline.titleOptions, 3, 5),
  ...outline.titleOptions.flatMap((title, i) =>
    atMostChars(`titleOptions.${i}`, title, BLOG_TITLE_MAX),
  ),
  ...countBetween('sections', outline.sections, wanted.sections, wanted.sections),
];

export const checkBlogFaq = (faq: z.output<typeof blogFaq>): LimitViolation[] =>
  countBetween('faq', faq.faq, ...BLOG_FAQ_RANGE);

export const checkSocialPosts = (
  output: z.output<typeof socialPosts>,
  wanted: { networks: readonly Network[]; variants: number; thread: boolean },
): LimitViolation[] => {
  const missing = wanted.networks
    .filter((network) => !output.posts.some((post) => post.network === network))
    .map((network) => ({ path: 'posts', message: `has no posts for ${network}` }));
  return [
    ...missing,
    ...output.posts.flatMap((post, p) => {
      const limits = NETWORK_LIMITS[post.network];
      return [
        ...countBetween(`posts.${p}.variants`, post.variants, wanted.variants, wanted.variants),
        ...post.variants.flatMap((variant, v) => {
          const at = `posts.${p}.variants.${v}`;
          const threaded = post.network === 'x' && wanted.thread;
          return [
            ...(threaded ? [] : countBetween(`${at}.parts`, variant.parts, 1, 1)),
            // Hashtags are published inside the text, so they count towards its length.
            ...variant.parts.flatMap((part, i) =>
              atMostChars(
                `${at}.parts.${i}`,
                i === variant.parts.length - 1 ? withHashtags(part, variant.hashtags) : part,
                limits.maxChars,
              ),
            ),
            ...(limits.maxHashtags === undefined
              ? []
              : countBetween(`${at}.hashtags`, variant.hashtags, 0, limits.maxHashtags)),
          ];
        }),
      ];
    }),
  ];
};

/** The text as published: the hashtags after it, each with its `#`. */
export const withHashtags = (text: string, hashtags: readonly string[]): string =>
  hashtags.length
    ? `${text}\n\n${hashtags.map((tag) => `#${tag.replace(/^#/, '')}`).join(' ')}`
    : text;

export const NEWS_HEADLINE_MAX = 110;
export const EMAIL_SUBJECT_MAX = 100;
export const EMAIL_PREHEADER_MAX = 150;
/** YouTube's own limits: title, description, all tags together; chapters need three from 0:00. */
export const YOUTUBE = { titleMax: 100, descriptionMax: 5000, tagsMax: 500, minChapters: 3 };

export const checkNewsArticle = (article: z.output<typeof newsArticle>): LimitViolation[] =>
  atMostChars('headline', article.headline, NEWS_HEADLINE_MAX);

export const checkEmail = (
  email: z.output<typeof emailNewsletter>,
  wanted: { subjectVariants: number },
): LimitViolation[] => [
  ...countBetween(
    'subjectLines',
    email.subjectLines,
    wanted.subjectVariants,
    wanted.subjectVariants,
  ),
  ...email.subjectLines.flatMap((subject, i) =>
    atMostChars(`subjectLines.${i}`, subject, EMAIL_SUBJECT_MAX),
  ),
  ...atMostChars('preheader', email.preheader, EMAIL_PREHEADER_MAX),
];

const secondsOf = (timestamp: string) =>
  timestamp
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);

export const checkVideoScript = (script: z.output<typeof videoScript>): LimitViolation[] => {
  const starts = script.chapters.map((chapter) => secondsOf(chapter.timestamp));
  return [
    ...countBetween('titleOptions', script.titleOptions, 3, 5),
    ...script.titleOptions.flatMap((title, i) =>
      atMostChars(`titleOptions.${i}`, title, YOUTUBE.titleMax),
    ),
    ...atMostChars('description', script.description, YOUTUBE.descriptionMax),
    ...atMostChars('tags', script.tags.join(','), YOUTUBE.tagsMax),
    ...countBetween('chapters', script.chapters, YOUTUBE.minChapters, 50),
    ...(starts[0] === 0 ? [] : [{ path: 'chapters.0.timestamp', message: 'must be 0:00' }]),
    ...starts.flatMap((start, i) =>
      i > 0 && start <= starts[i - 1]!
        ? [{ path: `chapters.${i}.timestamp`, message: 'must come after the chapter before it' }]
        : [],
    ),
  ];
};
