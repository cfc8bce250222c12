import { z } from 'zod';
import { briefLines, writerMessages } from './brief';
import { defineStreamWriter } from './definition';
import { atMostChars, countBetween, type LimitViolation } from './limits';
import { commonOptions } from './options';

/** Posts for each network asked for, within that network's own limits, hashtags included. */

const SOCIAL_NETWORKS = ['x', 'linkedin', 'facebook', 'instagram'] as const;
type Network = (typeof SOCIAL_NETWORKS)[number];

/** Each network's own hard limits. */
export const NETWORK_LIMITS: Record<Network, { maxChars: number; maxHashtags?: number }> = {
  x: { maxChars: 280 },
  linkedin: { maxChars: 3000 },
  facebook: { maxChars: 63_206 },
  instagram: { maxChars: 2200, maxHashtags: 30 },
};

const NETWORK_NAMES = {
  x: 'X (Twitter)',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
};

const socialPosts = z.object({
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

/** The text as published: the hashtags after it, each with its `#`. */
export const withHashtags = (text: string, hashtags: readonly string[]): string =>
  hashtags.length
    ? `${text}\n\n${hashtags.map((tag) => `#${tag.replace(/^#/, '')}`).join(' ')}`
    : text;

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

const networkRule = (network: Network, thread: boolean) => {
  const { maxChars, maxHashtags } = NETWORK_LIMITS[network];
  const hashtags = maxHashtags ? `, at most ${maxHashtags} hashtags` : '';
  if (network === 'x' && thread) {
    return `- ${NETWORK_NAMES.x}: a thread; each part at most ${maxChars} characters, hashtags included in the last one`;
  }
  return `- ${NETWORK_NAMES[network]}: one post of at most ${maxChars} characters including its hashtags${hashtags}`;
};

export const socialWriter = defineStreamWriter({
  id: 'social',
  mode: 'stream',
  options: commonOptions.extend({
    networks: z
      .array(z.enum(SOCIAL_NETWORKS))
      .min(1)
      .max(SOCIAL_NETWORKS.length)
      .default(['linkedin'])
      .describe('Networks'),
    variants: z.number().int().min(1).max(5).default(3).describe('Variants per network'),
    thread: z.boolean().default(false).describe('Write a thread on X instead of one post'),
  }),
  output: socialPosts,
  schemaName: 'social_posts',
  prompt: (options, brandVoice) =>
    writerMessages('a social media copywriter', brandVoice, [
      ...briefLines(options),
      `Write ${options.variants} different variant(s) for each of these networks:`,
      ...options.networks.map((network) => networkRule(network, options.thread)),
      'Put hashtags in `hashtags` (without #), not in the text. Count characters carefully.',
    ]),
  check: checkSocialPosts,
  titleOf: (options) => `Social posts: ${options.topic}`,
  slots: (output) => ({
    body: output.posts
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
  }),
});
