import type { BlogDraft, OutlineSection } from '../contracts/writers';

/**
 * The long-form blog as a list of steps. A step's result is saved into the draft when it ends,
 * so the steps still to run are read off the draft: a job resumed after a restart (or retried
 * after a failure) continues where the last one stopped and never writes a section twice.
 */

export type BlogStep =
  | { kind: 'outline' }
  | { kind: 'introduction' }
  | { kind: 'section'; index: number }
  | { kind: 'conclusion' }
  | { kind: 'faq' }
  | { kind: 'meta' };

export interface BlogPlanOptions {
  sections: number;
  includeFaq: boolean;
}

export const emptyDraft = (): BlogDraft => ({
  phase: 'writing',
  titleOptions: [],
  title: '',
  outline: [],
  sections: [],
});

/** Every step of a run, in order; the section count is the outline's once there is one. */
export const blogSteps = (draft: BlogDraft, options: BlogPlanOptions): BlogStep[] => {
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

export const isStepDone = (step: BlogStep, draft: BlogDraft): boolean => {
  switch (step.kind) {
    case 'outline':
      return draft.outline.length > 0;
    case 'introduction':
      return draft.introduction !== undefined;
    case 'section':
      return draft.sections.length > step.index;
    case 'conclusion':
      return draft.conclusion !== undefined;
    case 'faq':
      return draft.faq !== undefined;
    case 'meta':
      return draft.meta !== undefined;
  }
};

/** Where the run stands: `percent` counts finished steps, plus the share of the current one. */
export const percentOf = (done: number, total: number, currentShare = 0) =>
  Math.min(100, ((done + Math.max(0, Math.min(0.95, currentShare))) / total) * 100);

export const stepLabel = (step: BlogStep, outline: readonly OutlineSection[]): string => {
  switch (step.kind) {
    case 'outline':
      return 'Outlining';
    case 'introduction':
      return 'Writing the introduction';
    case 'section':
      return `Writing section ${step.index + 1} of ${outline.length}: ${outline[step.index]?.heading ?? ''}`.trim();
    case 'conclusion':
      return 'Writing the conclusion';
    case 'faq':
      return 'Writing the FAQ';
    case 'meta':
      return 'Writing the meta title, description, slug and tags';
  }
};

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
