/** Words and sentences, the same way for every research. */

// Marks (\p{M}) belong to their letter: combining accents, Devanagari and Thai vowel signs.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;

/** The words of a text, lower-cased; hyphenated words and contractions stay whole. */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

// Common abbreviations whose full stop does not end a sentence (a Unicode-aware word start).
const ABBREVIATION =
  /(?<![\p{L}\p{N}])(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|prof|st|z\.b|d\.h|u\.a|bzw|ca|usw|nr|vgl)\.$/iu;
const INITIAL = /(?<![\p{L}\p{N}])\p{Lu}\.$/u;
/** German writes ordinals with a full stop ("am 3. Oktober"): a day or rank, not an ending. */
const ORDINAL = /(?<![\p{L}\p{N}])\d{1,2}\.$/u;

/**
 * Sentences of one paragraph: a stop, question or exclamation mark followed by a space and a
 * capital letter, a digit or a quote, unless it closes an abbreviation, an initial or (where the
 * language writes them so) an ordinal. Pieces without a word ("* * *") are not sentences.
 */
export const sentencesOf = (paragraph: string, options: { ordinals?: boolean } = {}): string[] => {
  const sentences: string[] = [];
  const boundary = /[.!?…]+["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const candidate = paragraph.slice(start, end).trim();
    if (
      ABBREVIATION.test(candidate) ||
      INITIAL.test(candidate) ||
      (options.ordinals && ORDINAL.test(candidate))
    )
      continue;
    sentences.push(candidate);
    start = end;
  }
  sentences.push(paragraph.slice(start).trim());
  return sentences.filter((sentence) => wordsOf(sentence).length > 0);
};
