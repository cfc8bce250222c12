import { marked } from 'marked';
import type { ContentFormat } from '../types';
import { blocksToModel } from './blocks';
import { htmlToModel } from './html';
import type { TextModel } from './model';

export type { TextBlock, TextImage, TextLink, TextModel } from './model';

const HTML_TAG =
  /<(p|h[1-6]|div|span|ul|ol|li|a|img|br|strong|em|b|i|table|blockquote|section|article)\b[^>]*>/i;

const asBlocks = (content: unknown): unknown[] | undefined => {
  if (Array.isArray(content)) return content;
  if (typeof content !== 'string' || !content.trimStart().startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(content);
    return Array.isArray(parsed) &&
      parsed.every((node) => node && typeof node === 'object' && 'type' in node)
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
};

/** The format of a body given without one: blocks JSON, HTML when it has tags, else markdown. */
export const detectFormat = (content: unknown): ContentFormat => {
  if (asBlocks(content)) return 'blocks';
  return typeof content === 'string' && HTML_TAG.test(content) ? 'html' : 'markdown';
};

/** Normalises a body once; every research reads the model, never the raw text. */
export const textModelOf = (content: unknown, format = detectFormat(content)): TextModel => {
  if (format === 'blocks') return blocksToModel(asBlocks(content) ?? []);
  const text = typeof content === 'string' ? content : '';
  if (format === 'html') return htmlToModel(text);
  return htmlToModel(marked.parse(text, { async: false, gfm: true }));
};

/** One model from several bodies, in order: an entry whose text spans several fields. */
export const mergeModels = (models: TextModel[]): TextModel => ({
  blocks: models.flatMap((model) => model.blocks),
  links: models.flatMap((model) => model.links),
  images: models.flatMap((model) => model.images),
});
