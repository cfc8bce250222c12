import { occurrencesIn, stemCounts } from '../research/keyphrase';
import { createResearcher, type Sentence } from '../research/researcher';
import { wordsOf } from '../research/tokens';
import { isSupported } from '../language';
import type { Paper } from '../types';
import { termsOf, topTerms, type Term } from './terms';

/**
 * The keyword analyzer: where and how often the keyphrase occurs, the text's commonest terms,
 * and the terms that set it apart from the site's other entries (TF-IDF).
 */

const TOP_TERMS = 10;
const TOP_DISTINCTIVE = 20;

/** How many of the site's other entries hold each term: the "document frequency" of TF-IDF. */
export interface KeywordCorpus {
  documents: number;
  frequencies: ReadonlyMap<string, number>;
}

export interface TermStat {
  term: string;
  count: number;
  /** Share of the text's words, in percent. */
  density: number;
}

export interface DistinctiveTerm {
  term: string;
  count: number;
  /** Of the other entries, how many use it. */
  documents: number;
  /** TF-IDF, scaled so the most distinctive term is 100. */
  score: number;
}

export interface KeyphraseStats {
  text: string;
  occurrences: number;
  density: number;
  /** 100 when the text opens with the keyphrase, falling to 0 towards its end. */
  prominence: number;
  inTitle: boolean;
  inIntroduction: boolean;
  subheadingsWith: number;
  subheadings: number;
}

export interface KeywordReport {
  language: string | null;
  wordCount: number;
  keyphrase: KeyphraseStats | null;
  terms: { one: TermStat[]; two: TermStat[]; three: TermStat[] };
  /** Null without a corpus (no other entries to compare with). */
  distinctive: DistinctiveTerm[] | null;
  corpusDocuments: number;
}

const percent = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 10_000) / 100 : 0;

/** Headings and sentences in reading order. */
const unitsInOrder = (sentences: Sentence[], headings: Sentence[]) =>
  [...headings, ...sentences].sort((a, b) => a.block - b.block);

/** The terms of a paper that TF-IDF compares: one and two words, keyed by stems. */
export const corpusKeysOf = (paper: Paper): Set<string> => {
  const get = createResearcher(paper);
  const terms = termsOf([...get('sentences'), ...get('headingUnits')], get('language'));
  return new Set([...terms.values()].filter((term) => term.size < 3).map((term) => term.key));
};

const distinctiveOf = (terms: ReadonlyMap<string, Term>, words: number, corpus: KeywordCorpus) => {
  const scored = [...terms.values()]
    .filter((term) => term.size < 3 && (term.count > 1 || words < 200))
    .map((term) => {
      const documents = corpus.frequencies.get(term.key) ?? 0;
      // Smoothed inverse document frequency, as scikit-learn's default: never zero or negative.
      const idf = Math.log((1 + corpus.documents) / (1 + documents)) + 1;
      return { term: term.text, count: term.count, documents, raw: (term.count / words) * idf };
    })
    .sort((a, b) => b.raw - a.raw)
    .slice(0, TOP_DISTINCTIVE);
  const top = scored[0]?.raw || 1;
  return scored.map(({ raw, ...term }) => ({ ...term, score: Math.round((raw / top) * 100) }));
};

export const keywordReport = (paper: Paper, corpus?: KeywordCorpus): KeywordReport => {
  const get = createResearcher(paper);
  const language = get('language');
  const sentences = get('sentences');
  const headings = get('headingUnits');
  const wordCount = get('wordCount');
  const terms = termsOf([...sentences, ...headings], language);
  const stat = (term: Term): TermStat => ({
    term: term.text,
    count: term.count,
    density: percent(term.count * term.size, wordCount),
  });

  const phrase = get('keyphrase');
  let keyphrase: KeyphraseStats | null = null;
  if (phrase) {
    let before = 0;
    let firstAt: number | null = null;
    for (const unit of unitsInOrder(sentences, headings)) {
      if (firstAt === null && occurrencesIn(unit.words, unit.counts, phrase) > 0) firstAt = before;
      before += unit.words.length;
    }
    const found = (text: string | undefined) => {
      const words = wordsOf(text ?? '');
      return occurrencesIn(words, stemCounts(words, language), phrase) > 0;
    };
    const firstParagraph = get('paragraphs')[0]?.text;
    const subheadings = headings.filter((unit) => get('model').blocks[unit.block]!.level >= 2);
    keyphrase = {
      text: phrase.text,
      occurrences: get('keyphraseOccurrences'),
      density: percent(get('keyphraseOccurrences') * phrase.words.length, wordCount),
      prominence: firstAt === null || !wordCount ? 0 : Math.round(100 * (1 - firstAt / wordCount)),
      inTitle: found(paper.title),
      inIntroduction: found(firstParagraph),
      subheadingsWith: subheadings.filter(
        (unit) => occurrencesIn(unit.words, unit.counts, phrase) > 0,
      ).length,
      subheadings: subheadings.length,
    };
  }

  return {
    language: isSupported(language) ? language.code : null,
    wordCount,
    keyphrase,
    terms: {
      one: topTerms(terms, 1, TOP_TERMS).map(stat),
      two: topTerms(terms, 2, TOP_TERMS).map(stat),
      three: topTerms(terms, 3, TOP_TERMS).map(stat),
    },
    distinctive: corpus?.documents ? distinctiveOf(terms, wordCount, corpus) : null,
    corpusDocuments: corpus?.documents ?? 0,
  };
};

/** Adds one document's terms to a corpus being built. */
export const addToCorpus = (frequencies: Map<string, number>, keys: Iterable<string>) => {
  for (const key of keys) frequencies.set(key, (frequencies.get(key) ?? 0) + 1);
};
