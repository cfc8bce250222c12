import type { BlogDraft, ContinueBlogBody } from '../../../contracts/writers';

/** A section as edited: points as lines of text, and a key that survives reordering. */
export interface SectionDraft {
  key: number;
  heading: string;
  points: string;
}

export interface OutlineDraft {
  /** Index into the draft's title options, or `custom` for the free text. */
  choice: number | 'custom';
  customTitle: string;
  sections: SectionDraft[];
}

/** The server's limits (contracts/writers.ts): 2 to 12 sections, at most 10 points each. */
export const SECTIONS_MIN = 2;
export const SECTIONS_MAX = 12;
export const POINTS_MAX = 10;

let nextKey = 0;
export const newSection = (heading = '', points: readonly string[] = []): SectionDraft => ({
  key: nextKey++,
  heading,
  points: points.join('\n'),
});

export const outlineDraftOf = (draft: BlogDraft): OutlineDraft => {
  const chosen = draft.titleOptions.indexOf(draft.title);
  return {
    choice: chosen === -1 && draft.title ? 'custom' : Math.max(chosen, 0),
    customTitle: chosen === -1 ? draft.title : '',
    sections: draft.outline.map((section) => newSection(section.heading, section.points)),
  };
};

export const pointsOf = (section: SectionDraft) =>
  section.points
    .split('\n')
    .map((point) => point.trim())
    .filter(Boolean);

export const move = <T>(items: readonly T[], from: number, to: number): T[] => {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};

/** What is wrong before sending, as a message key; the server checks the same. */
export const outlineProblem = (
  outline: OutlineDraft,
):
  | 'outline.error.count'
  | 'outline.error.heading'
  | 'outline.error.points'
  | 'outline.error.title'
  | undefined => {
  if (outline.sections.length < SECTIONS_MIN || outline.sections.length > SECTIONS_MAX)
    return 'outline.error.count';
  if (outline.sections.some((section) => !section.heading.trim())) return 'outline.error.heading';
  if (outline.sections.some((section) => pointsOf(section).length > POINTS_MAX))
    return 'outline.error.points';
  if (outline.choice === 'custom' && !outline.customTitle.trim()) return 'outline.error.title';
  return undefined;
};

export const continueBodyOf = (outline: OutlineDraft, draft: BlogDraft): ContinueBlogBody => {
  const title =
    outline.choice === 'custom' ? outline.customTitle.trim() : draft.titleOptions[outline.choice];
  return {
    ...(title ? { title } : {}),
    outline: outline.sections.map((section) => ({
      heading: section.heading.trim(),
      points: pointsOf(section),
    })),
  };
};
