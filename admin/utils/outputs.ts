import type { BlogDraft } from '../../contracts/writers';
import type { OutputOf } from '../../writers';
import { isJsonObject } from './json-schema';

/**
 * A generation's `output` is `unknown` on the wire; each result view checks it against the
 * writer's own output schema first, so an older or unfinished output falls back to its raw form
 * instead of breaking the page.
 */

export type NewsOutput = OutputOf<'news'>;
export type SocialOutput = OutputOf<'social'>;
export type EmailOutput = OutputOf<'email'>;
export type StoryOutput = OutputOf<'story'>;
export type VideoScriptOutput = OutputOf<'video-script'>;

/** The blog draft is saved step by step, so only its skeleton is certain. */
export const isBlogDraft = (output: unknown): output is BlogDraft =>
  isJsonObject(output) &&
  typeof output.phase === 'string' &&
  Array.isArray(output.outline) &&
  Array.isArray(output.sections) &&
  Array.isArray(output.titleOptions);
