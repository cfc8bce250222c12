import type { BlogDraft } from '../../contracts/writers';
import {
  blogMarkdown,
  blogSteps,
  emptyDraft,
  isStepDone,
  percentOf,
  writtenSoFar,
  WRITTEN_SO_FAR_MAX,
} from '../../writers/blog';

const outline = [
  { heading: 'One', points: [] },
  { heading: 'Two', points: [] },
];
const pending = (draft: BlogDraft, includeFaq = true) =>
  blogSteps(draft, { sections: 2, includeFaq })
    .filter((step) => !isStepDone(step, draft))
    .map((step) => (step.kind === 'section' ? `section ${step.index}` : step.kind));

describe('the blog plan', () => {
  it('runs every step in order on a fresh draft', () => {
    expect(pending(emptyDraft())).toEqual([
      'outline',
      'introduction',
      'section 0',
      'section 1',
      'conclusion',
      'faq',
      'meta',
    ]);
    expect(pending(emptyDraft(), false)).not.toContain('faq');
  });

  it('resumes after the last finished step, with as many sections as the outline has', () => {
    const draft: BlogDraft = {
      ...emptyDraft(),
      outline: [...outline, { heading: 'Three', points: [] }],
      introduction: 'Intro.',
      sections: [{ heading: 'One', body: 'Body one.' }],
    };
    expect(pending(draft)).toEqual(['section 1', 'section 2', 'conclusion', 'faq', 'meta']);
  });

  it('moves the bar by finished steps plus at most 95% of the current one', () => {
    expect(percentOf(0, 4)).toBe(0);
    expect(percentOf(2, 4, 0.5)).toBe(62.5);
    expect(percentOf(3, 4, 3)).toBeCloseTo(98.75);
    expect(percentOf(4, 4)).toBe(100);
  });

  it('keeps only the most recent text of a long post as context', () => {
    const long = 'x'.repeat(WRITTEN_SO_FAR_MAX);
    const draft: BlogDraft = {
      ...emptyDraft(),
      introduction: 'The very start.',
      sections: [{ heading: 'One', body: long }],
    };
    const context = writtenSoFar(draft);
    expect(context.length).toBe(WRITTEN_SO_FAR_MAX + 1);
    expect(context).not.toContain('The very start.');
    expect(context.endsWith('x')).toBe(true);
  });

  it('joins the post into one markdown body with headings', () => {
    const markdown = blogMarkdown({
      ...emptyDraft(),
      introduction: 'Intro.',
      sections: [{ heading: 'One', body: 'Body one.' }],
      conclusion: 'The end.',
      faq: [{ question: 'Why?', answer: 'Because.' }],
    });
    expect(markdown).toBe(
      'Intro.\n\n## One\n\nBody one.\n\n## Conclusion\n\nThe end.\n\n## FAQ\n\n### Why?\n\nBecause.',
    );
  });
});
