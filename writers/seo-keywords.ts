import { z } from 'zod';
import { briefLines, writerMessages } from './brief';
import { defineStreamWriter } from './definition';
import { atMostChars, countBetween, endsWith, type LimitViolation } from './limits';
import { commonOptions } from './options';

/**
 * The keyword analyzer's AI half: keyphrases related to the topic and the questions searchers
 * ask about it, each with the intent behind it.
 */

const PHRASE_MAX = 80;
const QUESTION_MAX = 150;
const INTENTS = ['informational', 'commercial', 'transactional', 'navigational'] as const;

const keywordIdeas = z.object({
  keyphrases: z.array(z.object({ keyphrase: z.string().min(1), intent: z.enum(INTENTS) })),
  questions: z.array(z.string().min(1)),
});

export const checkKeywordIdeas = (
  ideas: z.output<typeof keywordIdeas>,
  wanted: { ideas: number },
): LimitViolation[] => [
  ...countBetween('keyphrases', ideas.keyphrases, wanted.ideas, wanted.ideas),
  ...countBetween('questions', ideas.questions, 3, wanted.ideas),
  ...ideas.keyphrases.flatMap((idea, i) =>
    atMostChars(`keyphrases.${i}.keyphrase`, idea.keyphrase, PHRASE_MAX),
  ),
  ...ideas.questions.flatMap((question, i) => [
    ...atMostChars(`questions.${i}`, question, QUESTION_MAX),
    ...endsWith(`questions.${i}`, question, ['?', '？', '؟']),
  ]),
];

export const seoKeywordsWriter = defineStreamWriter({
  id: 'seo-keywords',
  mode: 'stream',
  feature: 'seo',
  listed: false,
  options: commonOptions.extend({
    ideas: z.number().int().min(3).max(20).default(8).describe('Ideas'),
  }),
  output: keywordIdeas,
  schemaName: 'keyword_ideas',
  prompt: (options, brandVoice) =>
    writerMessages('an SEO specialist doing keyword research', brandVoice, [
      ...briefLines(options),
      `Suggest exactly ${options.ideas} keyphrases related to this topic that a page about it could also rank for (at most ${PHRASE_MAX} characters each, in the language of the locale, each with its search intent), and 3 to ${options.ideas} questions searchers ask about it (each ending with "?").`,
      options.sourceNotes
        ? 'The source notes are the page: suggest what it could cover next, not what it already repeats.'
        : undefined,
    ]),
  check: checkKeywordIdeas,
  titleOf: (options) => `Keyword ideas: ${options.topic}`,
  slots: (ideas) => ({
    body: [
      ...ideas.keyphrases.map((idea) => `- ${idea.keyphrase} (${idea.intent})`),
      '',
      ...ideas.questions.map((question) => `- ${question}`),
    ].join('\n'),
  }),
});
