import { Parser } from 'htmlparser2';
import { createModelBuilder, type TextModel } from './model';

/** Elements whose text is a paragraph of its own. */
const PARAGRAPHS = new Set([
  'p',
  'li',
  'blockquote',
  'pre',
  'td',
  'th',
  'dt',
  'dd',
  'figcaption',
  'caption',
  'summary',
]);
/** Containers: their start and end close the paragraph before them, nothing more. */
const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'nav',
  'ul',
  'ol',
  'dl',
  'table',
  'tr',
  'figure',
  'details',
  'hr',
]);
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const HEADING = /^h([1-6])$/;

export const htmlToModel = (html: string): TextModel => {
  const builder = createModelBuilder();
  let silent = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SILENT.has(name)) {
          silent += 1;
          return;
        }
        const heading = HEADING.exec(name);
        if (heading) builder.startBlock('heading', Number(heading[1]));
        else if (PARAGRAPHS.has(name)) builder.startBlock('paragraph');
        else if (CONTAINERS.has(name)) builder.endBlock();
        else if (name === 'br') builder.text(' ');
        else if (name === 'a' && attributes.href !== undefined)
          builder.startLink(attributes.href, attributes.rel);
        else if (name === 'img') builder.image(attributes.src ?? '', attributes.alt ?? '');
      },
      ontext(text) {
        if (!silent) builder.text(text);
      },
      onclosetag(name) {
        if (SILENT.has(name)) silent = Math.max(0, silent - 1);
        else if (HEADING.test(name) || PARAGRAPHS.has(name) || CONTAINERS.has(name))
          builder.endBlock();
        else if (name === 'a') builder.endLink();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return builder.done();
};
