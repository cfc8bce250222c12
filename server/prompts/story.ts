import type { z } from 'zod';
import type { ChatMessage } from '../ai/types';
import type { WRITERS } from '../writers/catalogue';
import { briefLines, systemMessage } from './brief';

export type StoryOptions = z.output<(typeof WRITERS)['story']['options']>;

export const storyPrompt = (options: StoryOptions, brandVoice?: string): ChatMessage[] => [
  systemMessage('a fiction writer', brandVoice),
  {
    role: 'user',
    content: [
      ...briefLines(options),
      `Genre: ${options.genre}`,
      'Write a title, a two-sentence synopsis and the story itself (markdown, with paragraphs).',
    ].join('\n'),
  },
];
