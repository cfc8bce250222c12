import { z } from 'zod';
import { briefLines, writerMessages } from './brief';
import { defineStreamWriter } from './definition';
import { atMostChars, charsBetween, countBetween, endsWith, type LimitViolation } from './limits';
import { commonOptions } from './options';

/** Questions with their answers, from a topic or from pasted source text (the source notes). */

const FAQ_QUESTION_MAX = 200;
const FAQ_ANSWER_RANGE = [1, 1200] as const;
/** Question marks as the locale writes them: Latin, full-width (CJK), Arabic. */
const QUESTION_MARKS = ['?', '？', '؟'] as const;

const faqPage = z.object({
  title: z.string().min(1),
  items: z.array(z.object({ question: z.string().min(1), answer: z.string().min(1) })),
});

export const checkFaq = (
  faq: z.output<typeof faqPage>,
  wanted: { questions: number },
): LimitViolation[] => [
  ...countBetween('items', faq.items, wanted.questions, wanted.questions),
  ...faq.items.flatMap((item, i) => [
    ...atMostChars(`items.${i}.question`, item.question, FAQ_QUESTION_MAX),
    ...endsWith(`items.${i}.question`, item.question, QUESTION_MARKS),
    ...charsBetween(`items.${i}.answer`, item.answer, ...FAQ_ANSWER_RANGE),
  ]),
];

export const faqWriter = defineStreamWriter({
  id: 'faq',
  mode: 'stream',
  options: commonOptions.extend({
    questions: z.number().int().min(1).max(20).default(5).describe('Questions'),
  }),
  output: faqPage,
  schemaName: 'faq',
  prompt: (options, brandVoice) =>
    writerMessages('a content writer writing a page of frequently asked questions', brandVoice, [
      ...briefLines(options),
      `Write a title and exactly ${options.questions} question(s) readers ask about this topic, in the order a reader would ask them. Each question is at most ${FAQ_QUESTION_MAX} characters and ends with "?"; each answer is direct and complete, at most ${FAQ_ANSWER_RANGE[1]} characters (markdown).`,
      options.sourceNotes
        ? 'Draw the questions and answers only from the source notes: never add a fact they do not give.'
        : undefined,
    ]),
  check: checkFaq,
  titleOf: (options) => `FAQ: ${options.topic}`,
  slots: (faq) => ({
    title: faq.title,
    body: faq.items.map((item) => `### ${item.question}\n\n${item.answer}`).join('\n\n'),
    description: faq.items[0]?.answer,
  }),
});
