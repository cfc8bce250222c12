import type { z } from 'zod';
import type { ChatMessage } from '../contracts/messages';
import { emailPrompt, type EmailOptions } from './prompts/email';
import { newsPrompt, type NewsOptions } from './prompts/news';
import { socialPrompt, type SocialOptions } from './prompts/social';
import { storyPrompt, type StoryOptions } from './prompts/story';
import { videoScriptPrompt, type VideoScriptOptions } from './prompts/video-script';
import type { WriterId } from './catalogue';
import { describeViolations, type LimitViolation } from './limits';
import {
  checkEmail,
  checkNewsArticle,
  checkSocialPosts,
  checkVideoScript,
  emailNewsletter,
  newsArticle,
  socialPosts,
  story,
  videoScript,
} from './outputs';

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

/** Typed where it is written, stored untyped: the registry is read by writer id at run time. */
const runner = <O, T>(definition: WriterRunner<O, T>) =>
  definition as unknown as WriterRunner<never, unknown>;

const describe = (violations: LimitViolation[]) =>
  violations.length ? describeViolations(violations) : undefined;

export const WRITER_RUNNERS: Partial<Record<WriterId, WriterRunner<never, unknown>>> = {
  social: runner<SocialOptions, z.output<typeof socialPosts>>({
    schema: socialPosts,
    schemaName: 'social_posts',
    prompt: socialPrompt,
    check: (output, options) => describe(checkSocialPosts(output, options)),
    titleOf: (options) => `Social posts: ${options.topic}`,
  }),
  news: runner<NewsOptions, z.output<typeof newsArticle>>({
    schema: newsArticle,
    schemaName: 'news_article',
    prompt: newsPrompt,
    check: (output) => describe(checkNewsArticle(output)),
    titleOf: (options) => `News: ${options.topic}`,
  }),
  email: runner<EmailOptions, z.output<typeof emailNewsletter>>({
    schema: emailNewsletter,
    schemaName: 'email',
    prompt: emailPrompt,
    check: (output, options) => describe(checkEmail(output, options)),
    titleOf: (options) => `Email: ${options.topic}`,
  }),
  story: runner<StoryOptions, z.output<typeof story>>({
    schema: story,
    schemaName: 'story',
    prompt: storyPrompt,
    check: () => undefined,
    titleOf: (options) => `Story: ${options.topic}`,
  }),
  'video-script': runner<VideoScriptOptions, z.output<typeof videoScript>>({
    schema: videoScript,
    schemaName: 'video_script',
    prompt: videoScriptPrompt,
    check: (output) => describe(checkVideoScript(output)),
    titleOf: (options) => `Video script: ${options.topic}`,
  }),
};
