import type { Language } from '../language';
import type { Sentence } from '../research/researcher';

/**
 * Terms of a text: runs of one to three words inside a sentence, keyed by their stems so that
 * "content calendar" and "content calendars" are one term. A term neither starts nor ends with a
 * function word, and a one-word term is not a function word or a number.
 */

export type TermSize = 1 | 2 | 3;

export interface Term {
  key: string;
  size: TermSize;
  /** The form written most often. */
  text: string;
  count: number;
}

const NUMBER = /^[\p{N}.,'’-]+$/u;

const isEdgeWord = (word: string, language: Language) =>
  language.functionWords.has(word) || NUMBER.test(word) || word.length < 2;

/** Every term of the units (sentences, headings), by key, with its count and commonest form. */
export const termsOf = (units: readonly Pick<Sentence, 'words'>[], language: Language) => {
  const terms = new Map<string, { size: TermSize; count: number; forms: Map<string, number> }>();
  for (const { words } of units) {
    const stems = words.map((word) => language.stem(word));
    for (let start = 0; start < words.length; start += 1) {
      if (isEdgeWord(words[start]!, language)) continue;
      for (let size = 1 as TermSize; size <= 3 && start + size <= words.length; size += 1) {
        const end = start + size - 1;
        if (isEdgeWord(words[end]!, language)) continue;
        const key = stems.slice(start, end + 1).join(' ');
        const form = words.slice(start, end + 1).join(' ');
        const term = terms.get(key) ?? { size, count: 0, forms: new Map<string, number>() };
        term.count += 1;
        term.forms.set(form, (term.forms.get(form) ?? 0) + 1);
        terms.set(key, term);
      }
    }
  }
  return new Map(
    [...terms].map(([key, term]): [string, Term] => {
      const [text] = [...term.forms].reduce((best, next) => (next[1] > best[1] ? next : best));
      return [key, { key, size: term.size, text, count: term.count }];
    }),
  );
};

/** The most frequent terms of a size, ties in order of the text. */
export const topTerms = (terms: ReadonlyMap<string, Term>, size: TermSize, limit: number) =>
  [...terms.values()]
    .filter((term) => term.size === size && (size === 1 || term.count > 1))
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
