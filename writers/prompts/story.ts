import type { z } from 'zod';
import type { ChatMessage } from '../../contracts/messages';
import type { WRITERS } from '../catalogue';
import { briefLines, writerMessages } from './brief';

export type StoryOptions = z.output<(typeof WRITERS)['story']['options']>;

export const storyPrompt = (options: StoryOptions, brandVoice?: string): ChatMessage[] =>
  writerMessages('a fiction writer', brandVoice, [
    ...briefLines(options),
    `Genre: ${options.genre}`,
    'Write a title, a two-sentence synopsis and the story itself (markdown, with paragraphs).',
  ]);
