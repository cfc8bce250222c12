import type { z } from 'zod';
import type { BlogDraft } from '../../contracts/writers';
import {
  emailNewsletter,
  newsArticle,
  socialPosts,
  story,
  videoScript,
} from '../../writers/outputs';
import { isJsonObject } from './json-schema';

/**
 * A generation's `output` is `unknown` on the wire; each result view checks it against the
 * writer's own output schema first, so an older or unfinished output falls back to its raw form
 * instead of breaking the page.
 */

export type NewsOutput = z.output<typeof newsArticle>;
export type SocialOutput = z.output<typeof socialPosts>;
export type EmailOutput = z.output<typeof emailNewsletter>;
export type StoryOutput = z.output<typeof story>;
export type VideoScriptOutput = z.output<typeof videoScript>;

export const OUTPUT_SCHEMAS = {
  news: newsArticle,
  social: socialPosts,
  email: emailNewsletter,
  story,
  'video-script': videoScript,
};

/** The blog draft is saved step by step, so only its skeleton is certain. */
export const isBlogDraft = (output: unknown): output is BlogDraft =>
  isJsonObject(output) &&
  typeof output.phase === 'string' &&
  Array.isArray(output.outline) &&
  Array.isArray(output.sections) &&
  Array.isArray(output.titleOptions);
