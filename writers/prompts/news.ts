import type { z } from 'zod';
import type { ChatMessage } from '../../contracts/messages';
import type { WRITERS } from '../catalogue';
import { NEWS_HEADLINE_MAX } from '../outputs';
import { briefLines, writerMessages } from './brief';

export type NewsOptions = z.output<(typeof WRITERS)['news']['options']>;

export const newsPrompt = (options: NewsOptions, brandVoice?: string): ChatMessage[] =>
  writerMessages('a news reporter writing for a newsroom', brandVoice, [
    ...briefLines(options),
    options.dateline ? `Dateline: ${options.dateline}` : undefined,
    `Write a headline of at most ${NEWS_HEADLINE_MAX} characters, a lead that answers who, what, when, where and why, and a body in inverted-pyramid order (markdown).`,
    options.sourceNotes
      ? 'Quote only what the source notes say.'
      : 'There is no source: never invent a quote; where one belongs write a placeholder such as [QUOTE NEEDED: a spokesperson on the timeline].',
  ]);
