import { z } from 'zod';
import { briefLines, writerMessages } from './brief';
import { defineStreamWriter } from './definition';
import { commonOptions } from './options';

/** A short story in a genre, with a title and a synopsis. */

const STORY_GENRES = [
  'adventure',
  'comedy',
  'drama',
  'fantasy',
  'mystery',
  'romance',
  'science-fiction',
  'fable',
] as const;

const story = z.object({
  title: z.string().min(1),
  synopsis: z.string().min(1),
  story: z.string().min(1),
});

export const storyWriter = defineStreamWriter({
  id: 'story',
  mode: 'stream',
  options: commonOptions.extend({
    genre: z.enum(STORY_GENRES).default('fable').describe('Genre'),
  }),
  output: story,
  schemaName: 'story',
  prompt: (options, brandVoice) =>
    writerMessages('a fiction writer', brandVoice, [
      ...briefLines(options),
      `Genre: ${options.genre}`,
      'Write a title, a two-sentence synopsis and the story itself (markdown, with paragraphs).',
    ]),
  check: () => [],
  titleOf: (options) => `Story: ${options.topic}`,
  slots: (output) => ({
    title: output.title,
    description: output.synopsis,
    body: output.story,
  }),
});
