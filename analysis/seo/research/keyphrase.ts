import type { Language } from '../language';
import { wordsOf } from './tokens';

/** A keyphrase (or synonym) ready to match: its words, the ones that carry the topic, stems. */
export interface Phrase {
  text: string;
  words: string[];
  /** Words that are not function words; all words when the phrase is only function words. */
  contentWords: string[];
  stems: string[];
  /** `"like this"`: only the exact words in this order match. */
  exact: boolean;
}

export const phraseOf = (text: string, language: Language): Phrase | null => {
  const trimmed = text.trim();
  const exact = /^["“].+["”]$/.test(trimmed);
  const words = wordsOf(exact ? trimmed.slice(1, -1) : trimmed);
  if (!words.length) return null;
  const content = words.filter((word) => !language.functionWords.has(word));
  const contentWords = content.length ? content : words;
  return {
    text: trimmed,
    words,
    contentWords,
    stems: [...new Set(contentWords.map((word) => language.stem(word)))],
    exact,
  };
};

/** Stems of a word list with their counts: what a phrase is matched against. */
export const stemCounts = (words: readonly string[], language: Language) => {
  const counts = new Map<string, number>();
  for (const word of words) {
    const stem = language.stem(word);
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
};

const exactCount = (words: readonly string[], phrase: Phrase) => {
  let count = 0;
  for (let i = 0; i + phrase.words.length <= words.length; i += 1) {
    if (phrase.words.every((word, j) => words[i + j] === word)) count += 1;
  }
  return count;
};

/**
 * How often a phrase occurs in one sentence: every content word's form present, in any order,
 * as often as its rarest word (an exact phrase: its words in order).
 */
export const occurrencesIn = (
  words: readonly string[],
  counts: ReadonlyMap<string, number>,
  phrase: Phrase,
): number =>
  phrase.exact
    ? exactCount(words, phrase)
    : Math.min(...phrase.stems.map((stem) => counts.get(stem) ?? 0));

/** The share (0–1) of a phrase's content words whose forms occur in a text. */
export const shareFound = (counts: ReadonlyMap<string, number>, phrase: Phrase): number =>
  phrase.stems.filter((stem) => counts.has(stem)).length / phrase.stems.length;
