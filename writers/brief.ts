import type { ChatMessage } from '../contracts/messages';
import type { CommonOptions } from './options';

/**
 * Pieces every writer's prompt shares. Each writer's template, in its own module, is a plain
 * function from typed options to messages built from these, so shared wording changes here.
 */

const LENGTH_WORDS: Record<CommonOptions['length'], string> = {
  short: 'short',
  medium: 'of medium length',
  long: 'long and thorough',
};

/** How the answer comes back: a JSON object for structured output, or prose streamed as written. */
export type AnswerFormat = 'json' | 'markdown';

const FORMAT_RULES: Record<AnswerFormat, string> = {
  json: 'Answer with one JSON object that matches the given schema, and nothing else.',
  markdown:
    'Answer with the requested text only, in markdown, without a preamble or closing remarks.',
};

/** The writer's role, the house style (brand voice) and the output contract. */
const systemMessage = (
  role: string,
  brandVoice: string | undefined,
  format: AnswerFormat,
): ChatMessage => ({
  role: 'system',
  content: [
    `You are ${role}.`,
    FORMAT_RULES[format],
    brandVoice?.trim()
      ? `Follow this brand voice and style guide in everything you write:\n${brandVoice.trim()}`
      : undefined,
  ]
    .filter(Boolean)
    .join('\n'),
});

/** A writer's two messages: its role and house style, then the brief, skipping absent lines. */
export const writerMessages = (
  role: string,
  brandVoice: string | undefined,
  lines: readonly (string | undefined)[],
  format: AnswerFormat = 'json',
): ChatMessage[] => [
  systemMessage(role, brandVoice, format),
  { role: 'user', content: lines.filter((line) => line !== undefined).join('\n') },
];

/** The brief common to all writers, one line per option that was given. */
export const briefLines = (options: CommonOptions): string[] =>
  [
    `Topic: ${options.topic}`,
    options.keywords
      ? `Primary keyword: ${options.keywords.primary}${
          options.keywords.secondary.length
            ? `. Secondary keywords: ${options.keywords.secondary.join(', ')}`
            : ''
        }`
      : undefined,
    options.audience ? `Audience: ${options.audience}` : undefined,
    `Tone: ${options.tone}`,
    `Write in the language of the locale "${options.locale}".`,
    `Length: ${LENGTH_WORDS[options.length]}.`,
    options.sourceNotes
      ? `Draw only on these source notes for facts and quotes:\n"""\n${options.sourceNotes}\n"""`
      : undefined,
  ].filter((line): line is string => line !== undefined);
