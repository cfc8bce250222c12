import { z } from 'zod';
import { commonOptions } from './options';

export const WRITER_IDS = ['blog', 'news', 'social', 'email', 'story', 'video-script'] as const;
export type WriterId = (typeof WRITER_IDS)[number];

export const SOCIAL_NETWORKS = ['x', 'linkedin', 'facebook', 'instagram'] as const;
export const STORY_GENRES = [
  'adventure',
  'comedy',
  'drama',
  'fantasy',
  'mystery',
  'romance',
  'science-fiction',
  'fable',
] as const;

/** How a writer answers: streamed into the page, or queued as a job (long-form). */
export type WriterMode = 'stream' | 'job';

export interface WriterDefinition<S extends z.ZodObject = z.ZodObject> {
  id: WriterId;
  mode: WriterMode;
  options: S;
}

const define = <S extends z.ZodObject>(definition: WriterDefinition<S>) => definition;

export const WRITERS = {
  blog: define({
    id: 'blog',
    mode: 'job',
    options: commonOptions.extend({
      sections: z.number().int().min(2).max(12).default(5).describe('Sections'),
      includeFaq: z.boolean().default(true).describe('Add an FAQ'),
      reviewOutline: z
        .boolean()
        .default(false)
        .describe('Stop after the outline so it can be edited before the sections are written'),
    }),
  }),
  news: define({
    id: 'news',
    mode: 'stream',
    options: commonOptions.extend({
      dateline: z.string().trim().max(120).optional().describe('Dateline (place, date)'),
    }),
  }),
  social: define({
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
  }),
  email: define({
    id: 'email',
    mode: 'stream',
    options: commonOptions.extend({
      goal: z.string().trim().max(300).optional().describe('What the email should achieve'),
      callToAction: z.string().trim().max(120).optional().describe('Call to action'),
      subjectVariants: z.number().int().min(1).max(5).default(3).describe('Subject lines'),
    }),
  }),
  story: define({
    id: 'story',
    mode: 'stream',
    options: commonOptions.extend({
      genre: z.enum(STORY_GENRES).default('fable').describe('Genre'),
    }),
  }),
  'video-script': define({
    id: 'video-script',
    mode: 'stream',
    options: commonOptions.extend({
      durationMinutes: z
        .number()
        .int()
        .min(1)
        .max(60)
        .default(8)
        .describe('Video length (minutes)'),
    }),
  }),
} satisfies Record<WriterId, WriterDefinition>;

/** The catalogue as the API serves it: each writer's options as JSON Schema, for forms. */
export const describeWriters = () =>
  WRITER_IDS.map((id) => ({
    id,
    mode: WRITERS[id].mode,
    optionsSchema: z.toJSONSchema(WRITERS[id].options, { io: 'input', target: 'draft-7' }),
  }));
