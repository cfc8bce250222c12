import MiniSearch, { type SearchOptions } from 'minisearch';
import { languageOf } from '../../analysis/seo/language';

/**
 * One locale's BM25 index (MiniSearch), its words stemmed and its function words dropped in the
 * locale's language. It also counts in how many chunks each term occurs, so a query leaves out
 * terms nearly every chunk holds: they hardly change the ranking, yet scoring them means scoring
 * most of the index.
 */

export interface LexicalDocument {
  id: number;
  title: string;
  heading: string | null;
  text: string;
}

const FIELDS = ['title', 'heading', 'text'];
const UNTITLED_FIELDS = ['heading', 'text'];
/** A term in more than this share of the chunks is too common to be worth scoring… */
const COMMON_SHARE = 0.1;
/** …unless a query would be left with fewer terms than this. */
const KEPT_TERMS = 2;

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

export const createLexicalIndex = (locale: string | null) => {
  const language = languageOf(locale ?? undefined);
  const processTerm = (term: string) => {
    const word = term.toLowerCase();
    return language.functionWords.has(word) ? null : language.stem(word);
  };
  const termsOf = (text: string) =>
    new Set(tokenize(text).flatMap((token) => processTerm(token) ?? []));
  const textOf = (document: LexicalDocument) =>
    `${document.title} ${document.heading ?? ''} ${document.text}`;

  const search = new MiniSearch<LexicalDocument>({ fields: FIELDS, idField: 'id', processTerm });
  const frequency = new Map<string, number>();
  let count = 0;

  // Processed already: the search must not stem a stem again.
  const options: SearchOptions = {
    boost: { title: 2, heading: 1.5 },
    combineWith: 'OR',
    processTerm: (term) => term,
  };

  return {
    add(document: LexicalDocument) {
      search.add(document);
      count += 1;
      for (const term of termsOf(textOf(document))) {
        frequency.set(term, (frequency.get(term) ?? 0) + 1);
      }
    },

    discard(document: LexicalDocument) {
      search.discard(document.id);
      count -= 1;
      for (const term of termsOf(textOf(document))) {
        const left = (frequency.get(term) ?? 1) - 1;
        if (left > 0) frequency.set(term, left);
        else frequency.delete(term);
      }
    },

    /** How many of the query's words are this language's function words: which language it is in. */
    fit: (query: string) =>
      tokenize(query).filter((token) => language.functionWords.has(token.toLowerCase())).length,

    /** `titles: false` matches the chunks on their own text: for a reader denied the title field. */
    search(query: string, filter: (id: number) => boolean, { titles = true } = {}) {
      const terms = [...termsOf(query)]
        .map((term) => ({ term, df: frequency.get(term) ?? 0 }))
        .filter(({ df }) => df > 0)
        .sort((a, b) => a.df - b.df);
      const kept = terms.filter(({ df }, i) => i < KEPT_TERMS || df <= COMMON_SHARE * count);
      if (!kept.length) return [];
      return search.search(kept.map(({ term }) => term).join(' '), {
        ...options,
        fields: titles ? FIELDS : UNTITLED_FIELDS,
        filter: (result) => filter(result.id as number),
      });
    },
  };
};

export type LexicalIndex = ReturnType<typeof createLexicalIndex>;
