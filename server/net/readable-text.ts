import { load } from 'cheerio/slim';

/**
 * A fetched page as a prompt can use it: the title and the main text, one paragraph a line,
 * without navigation, scripts or boilerplate.
 */

const NOISE = 'script, style, noscript, template, svg, iframe, nav, header, footer, aside, form';
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, th, dt, dd, figcaption';
export const MAX_READABLE_CHARS = 20_000;

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

export const readableText = (
  body: string,
  contentType: string | null,
): { title: string | null; text: string } => {
  if (/^text\/plain/i.test(contentType ?? '')) {
    return { title: null, text: body.trim().slice(0, MAX_READABLE_CHARS) };
  }
  const $ = load(body);
  const title = tidy($('title').first().text()) || tidy($('h1').first().text()) || null;
  $(NOISE).remove();
  const main = $('main, article, [role="main"]').first();
  const root = main.length ? main : $('body');
  const paragraphs = root
    .find(BLOCKS)
    .toArray()
    // A block inside another is read with its parent.
    .filter((node) => !$(node).parents(BLOCKS).length)
    .map((node) => tidy($(node).text()))
    .filter(Boolean);
  const text = (paragraphs.length ? paragraphs.join('\n') : tidy(root.text())).slice(
    0,
    MAX_READABLE_CHARS,
  );
  return { title, text };
};
