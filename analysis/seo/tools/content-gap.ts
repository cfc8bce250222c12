import { createResearcher } from '../research/researcher';
import type { Paper } from '../types';
import { termsOf } from './terms';

/**
 * The content gap: what competitor pages cover that an entry does not. A heading is covered when
 * nearly all its topic words occur in the entry; a term is a gap when at least two pages (or the
 * only one) use it repeatedly and the entry never does.
 */

const MAX_HEADINGS = 30;
const MAX_TERMS = 30;
/** A competitor's term counts when it uses it this often. */
const MIN_USES = 2;
/** A heading is covered when more than this share of its topic words occur in the entry. */
const COVERED = 2 / 3;

export interface CompetitorPage {
  label: string;
  /** The page's HTML (pasted for now; fetched by the site analyzer later). */
  html: string;
}

export interface GapHeading {
  heading: string;
  /** The labels of the pages with this heading (or one of its word forms). */
  pages: string[];
}

export interface GapTerm {
  term: string;
  pages: number;
  uses: number;
}

export interface ContentGap {
  entry: { wordCount: number; headings: number };
  pages: { label: string; wordCount: number; headings: number }[];
  headings: GapHeading[];
  terms: GapTerm[];
}

export const contentGap = (
  entry: Paper,
  competitors: readonly CompetitorPage[],
  options: { locale?: string } = {},
): ContentGap => {
  const own = createResearcher({ ...entry, locale: options.locale ?? entry.locale });
  const language = own('language');
  const ownTerms = termsOf([...own('sentences'), ...own('headingUnits')], language);
  const ownStems = new Set([...ownTerms.values()].filter((t) => t.size === 1).map((t) => t.key));

  const pages = competitors.map((page) => {
    const get = createResearcher({
      content: page.html,
      contentFormat: 'html',
      locale: language.code,
    });
    return {
      label: page.label,
      get,
      terms: termsOf([...get('sentences'), ...get('headingUnits')], language),
    };
  });

  const headings = new Map<string, GapHeading>();
  for (const page of pages) {
    for (const unit of page.get('headingUnits')) {
      const block = page.get('model').blocks[unit.block]!;
      if (block.level < 2) continue;
      const stems = [
        ...new Set(
          unit.words.filter((w) => !language.functionWords.has(w)).map((w) => language.stem(w)),
        ),
      ];
      if (!stems.length) continue;
      const covered = stems.filter((stem) => ownStems.has(stem)).length / stems.length;
      if (covered > COVERED) continue;
      const key = [...stems].sort().join(' ');
      const gap = headings.get(key) ?? { heading: block.text, pages: [] };
      if (!gap.pages.includes(page.label)) gap.pages.push(page.label);
      headings.set(key, gap);
    }
  }

  const needed = Math.min(2, pages.length);
  const terms = new Map<string, GapTerm>();
  for (const page of pages) {
    for (const term of page.terms.values()) {
      if (term.count < MIN_USES || term.size > 2 || ownTerms.has(term.key)) continue;
      const gap = terms.get(term.key) ?? { term: term.text, pages: 0, uses: 0 };
      gap.pages += 1;
      gap.uses += term.count;
      terms.set(term.key, gap);
    }
  }

  const byReach = <T extends { pages: number | string[] }>(a: T, b: T) =>
    (typeof b.pages === 'number' ? b.pages : b.pages.length) -
    (typeof a.pages === 'number' ? a.pages : a.pages.length);

  return {
    entry: { wordCount: own('wordCount'), headings: own('subheadings').length },
    pages: pages.map((page) => ({
      label: page.label,
      wordCount: page.get('wordCount'),
      headings: page.get('subheadings').length,
    })),
    headings: [...headings.values()].sort(byReach).slice(0, MAX_HEADINGS),
    terms: [...terms.values()]
      .filter((term) => term.pages >= needed)
      .sort((a, b) => byReach(a, b) || b.uses - a.uses)
      .slice(0, MAX_TERMS),
  };
};

/** The gap as lines for the model's prompt: facts, not the competitors' text. */
export const describeGap = (gap: ContentGap): string =>
  [
    `The entry has ${gap.entry.wordCount} words and ${gap.entry.headings} subheadings.`,
    ...gap.pages.map(
      (page) => `${page.label}: ${page.wordCount} words, ${page.headings} subheadings.`,
    ),
    gap.headings.length
      ? `Headings the competitors have and the entry lacks:\n${gap.headings
          .map((h) => `- ${h.heading} (${h.pages.join(', ')})`)
          .join('\n')}`
      : 'The entry covers every competitor heading.',
    gap.terms.length
      ? `Terms the competitors use and the entry never does: ${gap.terms.map((t) => t.term).join(', ')}.`
      : 'The entry uses every term the competitors share.',
  ].join('\n');
