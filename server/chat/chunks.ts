import { createHash } from 'node:crypto';
import type { FieldText } from './entry-text';

/**
 * A field's text cut into chunks for retrieval: a heading starts a new chunk, paragraphs join
 * the current one up to a size, and a chunk cut for size carries the end of the one before
 * (overlap), so a sentence that spans the cut is found in either.
 */

export interface ChunkOptions {
  maxChars: number;
  overlapChars: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { maxChars: 1200, overlapChars: 150 };

export interface TextChunk {
  field: string;
  /** The chunk's place in its field, from 0. */
  index: number;
  /** The heading the text sits under, if any. */
  heading: string | null;
  text: string;
  /** Of heading and text: an unchanged chunk is not embedded again. */
  hash: string;
}

/** Pieces of at most `max` characters, cut at sentence ends, else at spaces, else anywhere. */
const pieces = (text: string, max: number): string[] => {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const sentence = Math.max(...['. ', '! ', '? '].map((end) => window.lastIndexOf(end)));
    const space = window.lastIndexOf(' ');
    const cut = sentence > max / 2 ? sentence + 1 : space > max / 2 ? space : max;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
};

/** At most the last `chars` characters of a text, from a word's start. */
const tail = (text: string, chars: number) => {
  const end = text.trimEnd();
  if (chars <= 0) return '';
  if (end.length <= chars) return `${end} `;
  const from = end.slice(end.length - chars).search(/\s/);
  return from < 0 ? '' : `${end.slice(end.length - chars + from + 1)} `;
};

export const hashChunk = (heading: string | null, text: string) =>
  createHash('sha1')
    .update(`${heading ?? ''}\n${text}`)
    .digest('hex');

export const chunkField = (
  field: FieldText,
  options: ChunkOptions = DEFAULT_CHUNKING,
): TextChunk[] => {
  const chunks: TextChunk[] = [];
  let heading: string | null = null;
  let current = '';
  const flush = () => {
    if (!current.trim()) return;
    const text = current.trim();
    chunks.push({
      field: field.path,
      index: chunks.length,
      heading,
      text,
      hash: hashChunk(heading, text),
    });
    current = '';
  };
  for (const block of field.model.blocks) {
    if (block.kind === 'heading') {
      flush();
      heading = block.text;
      continue;
    }
    // The overlap makes room for itself: the text added after it stays within the size.
    for (const piece of pieces(block.text, options.maxChars - options.overlapChars)) {
      if (current && current.length + 1 + piece.length > options.maxChars) {
        const carried = tail(current, options.overlapChars);
        flush();
        current = carried;
      }
      current = !current || current.endsWith('\n') ? `${current}${piece}` : `${current} ${piece}`;
    }
    // Paragraph ends stay visible to the reader of a citation.
    current += '\n';
  }
  flush();
  return chunks;
};
