/**
 * An answer's text in pieces to render as React nodes (never as HTML): plain runs, `**bold**`
 * (models write it whatever they are told), and citation markers such as `[2]` or `[1, 3]`.
 */

export type AnswerSegment =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'cite'; numbers: number[]; source: string };

const PIECE = /\*\*([^*\n]+)\*\*|\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

const numbersOf = (list: string) =>
  list
    .split(/[,;]/)
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);

export const segmentsOf = (text: string): AnswerSegment[] => {
  const segments: AnswerSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(PIECE)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ kind: 'text', text: text.slice(last, index) });
    if (match[1] !== undefined) segments.push({ kind: 'strong', text: match[1] });
    else segments.push({ kind: 'cite', numbers: numbersOf(match[2] ?? ''), source: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
};

/** The citation numbers the text refers to. */
export const citedNumbers = (text: string): Set<number> =>
  new Set(segmentsOf(text).flatMap((segment) => (segment.kind === 'cite' ? segment.numbers : [])));
