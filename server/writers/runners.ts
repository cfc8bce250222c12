import type { z } from 'zod';
import type { ChatMessage } from '../ai/types';
import { socialPrompt, type SocialOptions } from '../prompts/social';
import type { WriterId } from './catalogue';
import { describeViolations } from './limits';
import { checkSocialPosts, socialPosts } from './outputs';

/** How one writer turns its options into a model request, and how its answer is checked. */
export interface WriterRunner<O = never, T = unknown> {
  schema: z.ZodType<T>;
  schemaName: string;
  prompt(options: O, brandVoice?: string): ChatMessage[];
  /** The hard limits, described for a targeted repair; undefined when all hold. */
  check(output: T, options: O): string | undefined;
  /** A title for the generation's history row. */
  titleOf(options: O): string;
}

const runner = <O, T>(definition: WriterRunner<O, T>) => definition;

const describe = (violations: ReturnType<typeof checkSocialPosts>) =>
  violations.length ? describeViolations(violations) : undefined;

export const WRITER_RUNNERS: Partial<Record<WriterId, WriterRunner<never, unknown>>> = {
  social: runner<SocialOptions, z.output<typeof socialPosts>>({
    schema: socialPosts,
    schemaName: 'social_posts',
    prompt: socialPrompt,
    check: (output, options) => describe(checkSocialPosts(output, options)),
    titleOf: (options) => `Social posts: ${options.topic}`,
  }) as WriterRunner<never, unknown>,
};
