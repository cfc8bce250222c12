import { analyze, type Paper } from '../../../analysis/seo';
import { contentCalendar, toMarkdown, type Part } from '../../fixtures/seo/articles';

/** The English article with every field a good entry has; override what a case needs. */
export const goodPaper = (
  overrides: Partial<Paper> = {},
  parts: Part[] = contentCalendar,
): Paper => ({
  title: 'Content calendar: how to plan posts your team can keep up with',
  metaTitle: 'Content calendar: plan posts your team can keep up with',
  metaDescription:
    'A content calendar keeps your team publishing steadily. Learn how to choose a cadence, plan for several teams and measure what the plan delivers.',
  slug: 'content-calendar-guide',
  content: toMarkdown(parts),
  keyphrase: 'content calendar',
  locale: 'en',
  baseUrl: 'https://example.com',
  ...overrides,
});

/** One assessment's result on a paper; fails the test when it did not run. */
export const assessed = (id: string, paper: Paper) => {
  const found = analyze(paper).assessments.find((item) => item.id === id);
  if (!found) throw new Error(`${id} did not run on this paper`);
  return found;
};

/** A case: its name, the paper, the rating it must get, and what its message must say. */
export type Case = [string, Paper, 'good' | 'ok' | 'bad', RegExp?];

/** Rows as long as the test callback's arguments, or Jest hands the callback a `done`. */
const rowsOf = (cases: Case[]) =>
  cases.map(([name, paper, rating, message]) => [name, paper, rating, message ?? null] as const);

/** One `describe` per assessment id, one test per case: its rating, and its message if given. */
export const describeCases = (cases: Record<string, Case[]>) =>
  describe.each(Object.entries(cases))('%s', (id, list) => {
    it.each(rowsOf(list))('%s', (_, paper, rating, message) => {
      const result = assessed(id, paper);
      expect(result.rating).toBe(rating);
      if (message) expect(result.message).toMatch(message);
    });
  });
