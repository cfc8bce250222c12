import { z } from 'zod';
import type { ChatMessage } from '../contracts/messages';
import type { BlogDraft, BlogStepDetail, OutlineSection } from '../contracts/writers';
import { briefLines, writerMessages } from './brief';
import { tagsText, type JobWriter } from './definition';
import { atMostChars, charsBetween, countBetween, isSlug, type LimitViolation } from './limits';
import { commonOptions } from './options';

/**
 * The long-form blog, queued as a job and written as a list of steps: outline, introduction,
 * sections in order, conclusion, FAQ, meta. A step's result is saved into the draft when it
 * ends, so the steps still to run are read off the draft: a job resumed after a restart (or
 * retried after a failure) continues where the last one stopped and never writes a section
 * twice.
 */

const blogOptions = commonOptions.extend({
  sections: z.number().int().min(2).max(12).default(5).describe('Sections'),
  includeFaq: z.boolean().default(true).describe('Add an FAQ'),
  reviewOutline: z
    .boolean()
    .default(false)
    .describe('Stop after the outline so it can be edited before the sections are written'),
});
export type BlogOptions = z.output<typeof blogOptions>;

export const META_TITLE_MAX = 60;
export const META_DESCRIPTION_RANGE = [120, 156] as const;
const BLOG_TITLE_MAX = 100;
const BLOG_FAQ_RANGE = [3, 6] as const;

/** The first step: what the sections will be, before any is written. */
const blogOutline = z.object({
  titleOptions: z.array(z.string().min(1)),
  sections: z.array(
    z.object({
      heading: z.string().min(1),
      points: z.array(z.string().min(1)),
    }),
  ),
});

const blogFaq = z.object({
  faq: z.array(z.object({ question: z.string().min(1), answer: z.string().min(1) })),
});

const blogMeta = z.object({
  metaTitle: z.string().min(1),
  metaDescription: z.string().min(1),
  slug: z.string().min(1),
  tags: z.array(z.string().min(1)),
});

const checkBlogOutline = (
  outline: z.output<typeof blogOutline>,
  wanted: { sections: number },
): LimitViolation[] => [
  ...countBetween('titleOptions', outline.titleOptions, 3, 5),
  ...outline.titleOptions.flatMap((title, i) =>
    atMostChars(`titleOptions.${i}`, title, BLOG_TITLE_MAX),
  ),
  ...countBetween('sections', outline.sections, wanted.sections, wanted.sections),
];

const checkBlogFaq = (faq: z.output<typeof blogFaq>): LimitViolation[] =>
  countBetween('faq', faq.faq, ...BLOG_FAQ_RANGE);

export const checkBlogMeta = (meta: z.output<typeof blogMeta>): LimitViolation[] => [
  ...atMostChars('metaTitle', meta.metaTitle, META_TITLE_MAX),
  ...charsBetween('metaDescription', meta.metaDescription, ...META_DESCRIPTION_RANGE),
  ...isSlug('slug', meta.slug),
  ...countBetween('tags', meta.tags, 1, 10),
];

export type BlogStep =
  | { kind: 'outline' }
  | { kind: 'introduction' }
  | { kind: 'section'; index: number }
  | { kind: 'conclusion' }
  | { kind: 'faq' }
  | { kind: 'meta' };
type StepKind = BlogStep['kind'];
type StepOf<K extends StepKind> = Extract<BlogStep, { kind: K }>;

export const emptyDraft = (): BlogDraft => ({
  phase: 'writing',
  titleOptions: [],
  title: '',
  outline: [],
  sections: [],
});

/** Every step of a run, in order; the section count is the outline's once there is one. */
export const blogSteps = (
  draft: BlogDraft,
  options: Pick<BlogOptions, 'sections' | 'includeFaq'>,
): BlogStep[] => {
  const sections = draft.outline.length || options.sections;
  return [
    { kind: 'outline' },
    { kind: 'introduction' },
    ...Array.from({ length: sections }, (_, index) => ({ kind: 'section' as const, index })),
    { kind: 'conclusion' },
    ...(options.includeFaq ? [{ kind: 'faq' as const }] : []),
    { kind: 'meta' },
  ];
};

/** Where the run stands: `percent` counts finished steps, plus the share of the current one. */
export const percentOf = (done: number, total: number, currentShare = 0) =>
  Math.min(100, ((done + Math.max(0, Math.min(0.95, currentShare))) / total) * 100);

/** Rough characters per prose step, to move the bar while a step streams. */
export const EXPECTED_CHARS = { short: 500, medium: 1200, long: 2400 } as const;

/**
 * What a prose step sees of the post so far. Later sections need the earlier ones to avoid
 * repeating them; past this size only the most recent text is kept, which is what continuity
 * needs, so a 12-section post does not send ever larger prompts.
 */
export const WRITTEN_SO_FAR_MAX = 12_000;

export const writtenSoFar = (draft: BlogDraft): string => {
  const text = [
    draft.introduction,
    ...draft.sections.map((section) => `## ${section.heading}\n\n${section.body}`),
  ]
    .filter(Boolean)
    .join('\n\n');
  return text.length > WRITTEN_SO_FAR_MAX
    ? `…${text.slice(text.length - WRITTEN_SO_FAR_MAX)}`
    : text;
};

/** The finished post as one markdown body, as it is saved into an entry. */
export const blogMarkdown = (draft: BlogDraft): string =>
  [
    draft.introduction,
    ...draft.sections.map((section) => `## ${section.heading}\n\n${section.body}`),
    draft.conclusion ? `## Conclusion\n\n${draft.conclusion}` : undefined,
    draft.faq?.length
      ? `## FAQ\n\n${draft.faq.map((item) => `### ${item.question}\n\n${item.answer}`).join('\n\n')}`
      : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');

/*
 * Each step's prompt carries the brief, the outline and (for prose) what is written so far, so
 * sections follow on from each other.
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

/** A prose step: the brief, the outline and the post so far, then what to write now. */
const proseMessages = (
  options: BlogOptions,
  draft: BlogDraft,
  brandVoice: string | undefined,
  ...asks: (string | undefined)[]
): ChatMessage[] => {
  const soFar = writtenSoFar(draft);
  return writerMessages(
    ROLE,
    brandVoice,
    [
      ...briefLines(options),
      ...outlineLines(draft),
      soFar ? `What is written so far:\n"""\n${soFar}\n"""` : undefined,
      ...asks,
    ],
    'markdown',
  );
};

/** What a step's prompt is built from; `instructions` come with a section written again. */
export interface StepRequest<S extends BlogStep> {
  options: BlogOptions;
  draft: BlogDraft;
  step: S;
  brandVoice?: string;
  instructions?: string;
}

interface StepBase<S extends BlogStep> {
  /** The progress stage, in English (the admin words it from `detail`). */
  label(step: S, outline: readonly OutlineSection[]): string;
  /** Whether the draft already holds this step's result. */
  isDone(step: S, draft: BlogDraft): boolean;
  /** What the progress detail says beyond the step's kind and position. */
  detail?(step: S, draft: BlogDraft): Pick<BlogStepDetail, 'section'>;
  /** Two-step mode: the run stops after this step until its result is reviewed. */
  waitsForReview?(options: BlogOptions): boolean;
  prompt(request: StepRequest<S>): ChatMessage[];
}

/** A step answered as one JSON object, checked against its limits. */
export interface StructuredStep<S extends BlogStep, T = unknown> extends StepBase<S> {
  answer: 'structured';
  schema: z.ZodType<T>;
  schemaName: string;
  check(output: T, options: BlogOptions): LimitViolation[];
  /** The draft with this step's result in it. */
  apply(draft: BlogDraft, output: T, step: S, options: BlogOptions): BlogDraft;
}

/** A step answered as markdown, streamed as it is written. */
export interface ProseStep<S extends BlogStep> extends StepBase<S> {
  answer: 'prose';
  /** The draft with this step's text in it. */
  apply(draft: BlogDraft, text: string, step: S, options: BlogOptions): BlogDraft;
}

export type BlogStepDefinition<S extends BlogStep> = StructuredStep<S> | ProseStep<S>;

const structured = <S extends BlogStep, T>(
  step: Omit<StructuredStep<S, T>, 'answer'>,
): StructuredStep<S, T> => ({ answer: 'structured', ...step });

const prose = <S extends BlogStep>(step: Omit<ProseStep<S>, 'answer'>): ProseStep<S> => ({
  answer: 'prose',
  ...step,
});

/** A prose step that fills one text field of the draft (the introduction, the conclusion). */
const draftText = (field: 'introduction' | 'conclusion', label: string, ask: string) =>
  prose({
    label: () => label,
    isDone: (_step, draft) => draft[field] !== undefined,
    prompt: ({ options, draft, brandVoice }) => proseMessages(options, draft, brandVoice, ask),
    apply: (draft, text) => ({ ...draft, [field]: text }),
  });

/** How each kind of step is asked for, checked, saved into the draft, found done and named. */
const BLOG_STEPS: { [K in StepKind]: BlogStepDefinition<StepOf<K>> } = {
  outline: structured<StepOf<'outline'>, z.output<typeof blogOutline>>({
    label: () => 'Outlining',
    isDone: (_step, draft) => draft.outline.length > 0,
    waitsForReview: (options) => options.reviewOutline,
    prompt: ({ options, brandVoice }) =>
      writerMessages(ROLE, brandVoice, [
        ...briefLines(options),
        `Plan the post: give 3 title options of at most ${BLOG_TITLE_MAX} characters and exactly ${options.sections} sections, each with a heading and 2 to 4 key points. Leave out the introduction and the conclusion: they are written separately.`,
      ]),
    schema: blogOutline,
    schemaName: 'blog_outline',
    check: checkBlogOutline,
    apply: (draft, outline, _step, options) => ({
      ...draft,
      titleOptions: outline.titleOptions,
      title: outline.titleOptions[0] ?? options.topic,
      outline: outline.sections,
    }),
  }),
  introduction: draftText(
    'introduction',
    'Writing the introduction',
    'Write the introduction: one to three paragraphs that hook the reader and say what the post covers. No heading.',
  ),
  section: prose<StepOf<'section'>>({
    label: (step, outline) =>
      `Writing section ${step.index + 1} of ${outline.length}: ${outline[step.index]?.heading ?? ''}`.trim(),
    isDone: (step, draft) => draft.sections.length > step.index,
    detail: (step, draft) => ({
      section: {
        number: step.index + 1,
        of: draft.outline.length,
        heading: draft.outline[step.index]?.heading ?? '',
      },
    }),
    prompt: ({ options, draft, step, brandVoice, instructions }) =>
      proseMessages(
        options,
        { ...draft, sections: draft.sections.slice(0, step.index) },
        brandVoice,
        `Write section ${step.index + 1}, "${draft.outline[step.index]?.heading}", covering its key points. Follow on from what is written so far without repeating it. No heading for the section itself; use ### subheadings if it helps.`,
        instructions ? `Also: ${instructions}` : undefined,
      ),
    apply: (draft, text, step) => ({
      ...draft,
      sections: [
        ...draft.sections.slice(0, step.index),
        { heading: draft.outline[step.index]?.heading ?? '', body: text },
      ],
    }),
  }),
  conclusion: draftText(
    'conclusion',
    'Writing the conclusion',
    'Write the conclusion: sum up the post in one or two paragraphs and end with a next step for the reader. No heading.',
  ),
  faq: structured<StepOf<'faq'>, z.output<typeof blogFaq>>({
    label: () => 'Writing the FAQ',
    isDone: (_step, draft) => draft.faq !== undefined,
    prompt: ({ options, draft, brandVoice }) =>
      writerMessages(ROLE, brandVoice, [
        ...briefLines(options),
        ...outlineLines(draft),
        `Write ${BLOG_FAQ_RANGE[0]} to ${BLOG_FAQ_RANGE[1]} questions readers ask about this topic, each with a short answer.`,
      ]),
    schema: blogFaq,
    schemaName: 'blog_faq',
    check: checkBlogFaq,
    apply: (draft, output) => ({ ...draft, faq: output.faq }),
  }),
  meta: structured<StepOf<'meta'>, z.output<typeof blogMeta>>({
    label: () => 'Writing the meta title, description, slug and tags',
    isDone: (_step, draft) => draft.meta !== undefined,
    prompt: ({ options, draft, brandVoice }) =>
      writerMessages(ROLE, brandVoice, [
        ...briefLines(options),
        ...outlineLines(draft),
        `Write the SEO fields: a meta title of at most ${META_TITLE_MAX} characters, a meta description of ${META_DESCRIPTION_RANGE[0]} to ${META_DESCRIPTION_RANGE[1]} characters, a URL slug (lowercase words joined by hyphens) and 3 to 8 tags.`,
      ]),
    schema: blogMeta,
    schemaName: 'blog_meta',
    check: checkBlogMeta,
    apply: (draft, meta) => ({ ...draft, meta }),
  }),
};

/** The table's entry for a step, typed for that step. */
export const stepDefinition = <S extends BlogStep>(step: S) =>
  BLOG_STEPS[step.kind] as unknown as BlogStepDefinition<S>;

export const isStepDone = (step: BlogStep, draft: BlogDraft): boolean =>
  stepDefinition(step).isDone(step, draft);

/** The blog's definition: a job writer, with the plan and the steps the server's job runs. */
interface BlogWriter extends JobWriter<'blog', typeof blogOptions, BlogDraft> {
  emptyDraft(): BlogDraft;
  /** The steps of a run, in order. */
  plan(draft: BlogDraft, options: BlogOptions): BlogStep[];
  steps: typeof BLOG_STEPS;
}

export const blogWriter = {
  id: 'blog',
  mode: 'job',
  options: blogOptions,
  titleOf: (options) => `Blog: ${options.topic}`,
  slots: (draft) => ({
    title: draft.title,
    slug: draft.meta?.slug,
    body: blogMarkdown(draft),
    description: draft.meta?.metaDescription,
    metaTitle: draft.meta?.metaTitle,
    metaDescription: draft.meta?.metaDescription,
    tags: tagsText(draft.meta?.tags),
  }),
  emptyDraft,
  plan: blogSteps,
  steps: BLOG_STEPS,
} satisfies BlogWriter;
