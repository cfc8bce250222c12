/** Words and sentences, the same way for every research. */

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

/** The words of a text, lower-cased; hyphenated words and contractions stay whole. */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

// Common abbreviations whose full stop does not end a sentence.
const ABBREVIATION =
  /\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|prof|st|z\.b|d\.h|u\.a|bzw|ca|usw|nr|vgl)\.$/i;

/**
 * Sentences of one paragraph: a stop, question or exclamation mark followed by a space and a
 * capital letter, a digit or a quote, unless it closes an abbreviation or an initial.
 */
export const sentencesOf = (paragraph: string): string[] => {
  const sentences: string[] = [];
  const boundary = /[.!?…]+["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const candidate = paragraph.slice(start, end).trim();
    if (ABBREVIATION.test(candidate) || /\b\p{Lu}\.$/u.test(candidate)) continue;
    sentences.push(candidate);
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
};
