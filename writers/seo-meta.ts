import { z } from 'zod';
import { titleWidth, TITLE_MAX_PX } from '../analysis/seo/pixel-width';
import { briefLines, writerMessages } from './brief';
import { defineStreamWriter } from './definition';
import { charsBetween, countBetween, type LimitViolation } from './limits';
import { commonOptions } from './options';

/**
 * Meta titles and descriptions for a search result, from a topic or an entry's text (the source
 * notes): variants within the limits the SEO analysis judges them by.
 */

/** The SEO analysis' band for a good meta description. */
const DESCRIPTION_RANGE = [121, 156] as const;

const metaVariants = z.object({
  variants: z.array(z.object({ metaTitle: z.string().min(1), metaDescription: z.string().min(1) })),
});

export const checkSeoMeta = (
  meta: z.output<typeof metaVariants>,
  wanted: { variants: number },
): LimitViolation[] => [
  ...countBetween('variants', meta.variants, wanted.variants, wanted.variants),
  ...meta.variants.flatMap((variant, i) => [
    ...(titleWidth(variant.metaTitle) > TITLE_MAX_PX
      ? [
          {
            path: `variants.${i}.metaTitle`,
            message: `is ${titleWidth(variant.metaTitle)} px wide in a search result; at most ${TITLE_MAX_PX} px (about 55 characters)`,
          },
        ]
      : []),
    ...charsBetween(`variants.${i}.metaDescription`, variant.metaDescription, ...DESCRIPTION_RANGE),
  ]),
];

export const seoMetaWriter = defineStreamWriter({
  id: 'seo-meta',
  mode: 'stream',
  options: commonOptions.extend({
    variants: z.number().int().min(1).max(5).default(3).describe('Variants'),
  }),
  output: metaVariants,
  schemaName: 'seo_meta',
  prompt: (options, brandVoice) =>
    writerMessages('an SEO specialist writing search result snippets', brandVoice, [
      ...briefLines(options),
      `Write exactly ${options.variants} different pairs of a meta title and a meta description for this page. A meta title fits in ${TITLE_MAX_PX} px of a search result (about 55 characters) and starts with the primary keyword when one is given; a meta description is ${DESCRIPTION_RANGE[0]} to ${DESCRIPTION_RANGE[1]} characters, uses the primary keyword once, and says why to click.`,
      options.sourceNotes
        ? 'The source notes are the page itself: describe only what it says.'
        : undefined,
    ]),
  check: checkSeoMeta,
  titleOf: (options) => `SEO meta: ${options.topic}`,
  slots: (meta) => ({
    metaTitle: meta.variants[0]?.metaTitle,
    metaDescription: meta.variants[0]?.metaDescription,
  }),
});
