import { z } from 'zod';
import { briefLines, writerMessages } from './brief';
import { defineStreamWriter } from './definition';
import { atMostChars, countBetween, type LimitViolation } from './limits';
import { commonOptions } from './options';

/**
 * The content gap's AI half: from the measured gap (the source notes: headings and terms the
 * competitors cover and the entry lacks), a short summary and the sections to add.
 */

const SUMMARY_MAX = 800;

const gapAdvice = z.object({
  summary: z.string().min(1),
  additions: z.array(
    z.object({
      heading: z.string().min(1),
      why: z.string().min(1),
      points: z.array(z.string().min(1)),
    }),
  ),
});

export const checkGapAdvice = (advice: z.output<typeof gapAdvice>): LimitViolation[] => [
  ...atMostChars('summary', advice.summary, SUMMARY_MAX),
  ...countBetween('additions', advice.additions, 1, 8),
  ...advice.additions.flatMap((addition, i) => [
    ...atMostChars(`additions.${i}.heading`, addition.heading, 120),
    ...countBetween(`additions.${i}.points`, addition.points, 1, 6),
  ]),
];

export const contentGapWriter = defineStreamWriter({
  id: 'content-gap',
  mode: 'stream',
  feature: 'seo',
  listed: false,
  options: commonOptions.extend({
    sourceNotes: z.string().min(1).max(20_000).describe('The measured content gap'),
  }),
  output: gapAdvice,
  schemaName: 'content_gap',
  prompt: (options, brandVoice) =>
    writerMessages('an SEO editor comparing a page with its competitors', brandVoice, [
      ...briefLines(options),
      `The source notes list what competitor pages cover and this page lacks. Summarise in at most ${SUMMARY_MAX} characters what the page should add to compete, then propose 1 to 8 sections to add, most important first, each with a heading, why it matters, and 1 to 6 points to cover.`,
      'Base every addition on the gaps listed; do not invent facts about the competitors.',
    ]),
  check: checkGapAdvice,
  titleOf: (options) => `Content gap: ${options.topic}`,
  slots: (advice) => ({
    body: [
      advice.summary,
      ...advice.additions.map(
        (addition) =>
          `## ${addition.heading}\n\n${addition.why}\n\n${addition.points.map((point) => `- ${point}`).join('\n')}`,
      ),
    ].join('\n\n'),
  }),
});
