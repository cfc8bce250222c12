import type { z } from 'zod';
import type { BlogDraft } from '../../contracts/writers';
import type { ChatMessage } from '../../contracts/messages';
import { BLOG_FAQ_RANGE, BLOG_TITLE_MAX, META_DESCRIPTION_RANGE, META_TITLE_MAX } from '../outputs';
import type { WRITERS } from '../catalogue';
import { writtenSoFar } from '../blog-plan';
import { briefLines, writerMessages } from './brief';

export type BlogOptions = z.output<(typeof WRITERS)['blog']['options']>;

/**
 * The long-form blog is written in steps; each step's prompt carries the brief, the outline and
 * (for prose) what is written so far, so sections follow on from each other.
 */

const ROLE = 'a senior content writer writing a long-form blog post';

const outlineLines = (draft: BlogDraft) => [
  `Title: ${draft.title}`,
  'Outline:',
  ...draft.outline.map(
    (section, i) =>
      `${i + 1}. ${section.heading}${section.points.length ? ` (${section.points.join('; ')})` : ''}`,
  ),
];

const contextLines = (options: BlogOptions, draft: BlogDraft) => {
  const soFar = writtenSoFar(draft);
  return [
    ...briefLines(options),
    ...outlineLines(draft),
    soFar ? `What is written so far:\n"""\n${soFar}\n"""` : undefined,
  ];
};

export const blogOutlinePrompt = (options: BlogOptions, brandVoice?: string): ChatMessage[] =>
  writerMessages(ROLE, brandVoice, [
    ...briefLines(options),
    `Plan the post: give 3 title options of at most ${BLOG_TITLE_MAX} characters and exactly ${options.sections} sections, each with a heading and 2 to 4 key points. Leave out the introduction and the conclusion: they are written separately.`,
  ]);

/** A prose step: the brief, the outline and the post so far, then what to write now. */
const proseMessages = (
  options: BlogOptions,
  draft: BlogDraft,
  brandVoice: string | undefined,
  ...asks: (string | undefined)[]
): ChatMessage[] =>
  writerMessages(ROLE, brandVoice, [...contextLines(options, draft), ...asks], 'markdown');

export const blogIntroductionPrompt = (
  options: BlogOptions,
  draft: BlogDraft,
  brandVoice?: string,
): ChatMessage[] =>
  proseMessages(
    options,
    draft,
    brandVoice,
    'Write the introduction: one to three paragraphs that hook the reader and say what the post covers. No heading.',
  );

export const blogSectionPrompt = (
  options: BlogOptions,
  draft: BlogDraft,
  index: number,
  brandVoice?: string,
  instructions?: string,
): ChatMessage[] =>
  proseMessages(
    options,
    { ...draft, sections: draft.sections.slice(0, index) },
    brandVoice,
    `Write section ${index + 1}, "${draft.outline[index]?.heading}", covering its key points. Follow on from what is written so far without repeating it. No heading for the section itself; use ### subheadings if it helps.`,
    instructions ? `Also: ${instructions}` : undefined,
  );

export const blogConclusionPrompt = (
  options: BlogOptions,
  draft: BlogDraft,
  brandVoice?: string,
): ChatMessage[] =>
  proseMessages(
    options,
    draft,
    brandVoice,
    'Write the conclusion: sum up the post in one or two paragraphs and end with a next step for the reader. No heading.',
  );

export const blogFaqPrompt = (
  options: BlogOptions,
  draft: BlogDraft,
  brandVoice?: string,
): ChatMessage[] =>
  writerMessages(ROLE, brandVoice, [
    ...briefLines(options),
    ...outlineLines(draft),
    `Write ${BLOG_FAQ_RANGE[0]} to ${BLOG_FAQ_RANGE[1]} questions readers ask about this topic, each with a short answer.`,
  ]);

export const blogMetaPrompt = (
  options: BlogOptions,
  draft: BlogDraft,
  brandVoice?: string,
): ChatMessage[] =>
  writerMessages(ROLE, brandVoice, [
    ...briefLines(options),
    ...outlineLines(draft),
    `Write the SEO fields: a meta title of at most ${META_TITLE_MAX} characters, a meta description of ${META_DESCRIPTION_RANGE[0]} to ${META_DESCRIPTION_RANGE[1]} characters, a URL slug (lowercase words joined by hyphens) and 3 to 8 tags.`,
  ]);
