/** What the engine needs of a language; a missing part means "not available in this language". */
export interface ReadingEaseFormula {
  name: string;
  score(stats: { words: number; sentences: number; syllables: number }): number;
}

export interface Language {
  code: string;
  name: string;
  /** Reduces a lower-cased word to its stem, so that word forms match. */
  stem(word: string): string;
  syllables(word: string): number;
  /** Words that carry no topic on their own: ignored when matching a keyphrase. */
  functionWords: ReadonlySet<string>;
  /** Single transition words, and multi-word ones as word sequences. */
  transitionWords?: { single: ReadonlySet<string>; multi: readonly (readonly string[])[] };
  /** Whether a sentence (lower-cased words) is in the passive voice. */
  isPassive?(words: readonly string[]): boolean;
  readingEase?: ReadingEaseFormula;
  /** Words over which a sentence counts as long. */
  sentenceWordLimit: number;
  /** Whether a number with a full stop is an ordinal ("3." for "third"), not a sentence's end. */
  ordinalStops?: boolean;
}

/**
 * Stemming and syllable counting are the hot paths of an analysis: each distinct word is worked
 * out once, and stays known for the next analysis (the panel re-scores as the editor types).
 */
export const perWord = <T>(work: (word: string) => T) => {
  const cache = new Map<string, T>();
  return (word: string) => {
    let known = cache.get(word);
    if (known === undefined) {
      known = work(word);
      if (cache.size > 50_000) cache.clear();
      cache.set(word, known);
    }
    return known;
  };
};

/** Multi-word entries of a list as word sequences; single words as a set. */
export const wordList = (entries: readonly string[]) => ({
  single: new Set(entries.filter((entry) => !entry.includes(' '))),
  multi: entries.filter((entry) => entry.includes(' ')).map((entry) => entry.split(' ')),
});
