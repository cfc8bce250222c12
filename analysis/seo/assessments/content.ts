import type { TextLink } from '../text';
import { titleWidth, TITLE_MAX_PX } from '../pixel-width';
import { plural, result, type Assessment } from './assessment';

const metaTitleWidth: Assessment = {
  id: 'metaTitleWidth',
  group: 'seo',
  assess(get) {
    const title = get('metaTitle');
    if (!title) return result(1, 'Write an SEO title: it is the headline of the search result.');
    const width = titleWidth(title);
    return width <= TITLE_MAX_PX
      ? result(
          9,
          `The SEO title is ${width} px wide: it fits the ${TITLE_MAX_PX} px of a search result.`,
        )
      : result(
          3,
          `The SEO title is ${width} px wide: search results cut it after ${TITLE_MAX_PX} px; shorten it.`,
        );
  },
};

const DESCRIPTION_MIN = 120;
const DESCRIPTION_MAX = 156;

const metaDescriptionLength: Assessment = {
  id: 'metaDescriptionLength',
  group: 'seo',
  assess(_, paper) {
    const length = [...(paper.metaDescription?.trim() ?? '')].length;
    if (!length)
      return result(
        1,
        'Write a meta description: otherwise search engines pick a sentence for you.',
      );
    if (length <= DESCRIPTION_MIN)
      return result(
        6,
        `The meta description has ${length} characters: use up to ${DESCRIPTION_MAX} to say more.`,
      );
    if (length > DESCRIPTION_MAX)
      return result(
        6,
        `The meta description has ${length} characters: search results cut it after about ${DESCRIPTION_MAX}.`,
      );
    return result(9, `The meta description has ${length} characters: a good length.`);
  },
};

const images: Assessment = {
  id: 'images',
  group: 'seo',
  assess(get) {
    const count = get('images').length;
    return count
      ? result(9, `The entry has ${plural(count, 'image')}.`)
      : result(
          3,
          'Add at least one image: it makes the entry more engaging and can rank in image search.',
        );
  },
};

const textLength: Assessment = {
  id: 'textLength',
  group: 'seo',
  assess(get) {
    const words = get('wordCount');
    const has = `The text has ${plural(words, 'word')}`;
    if (words >= 300) return result(9, `${has}: enough to cover the topic.`);
    if (words >= 250) return result(6, `${has}: a little short; aim for 300 or more.`);
    if (words >= 200) return result(3, `${has}: too short; aim for 300 or more.`);
    return result(words >= 100 ? -10 : -20, `${has}: far too short to rank; aim for 300 or more.`);
  },
};

const linkScore = (links: TextLink[], what: string, none: string) => {
  if (!links.length) return result(3, none);
  const followed = links.filter((link) => !link.nofollow).length;
  const count = plural(links.length, `${what} link`);
  if (followed === links.length) return result(9, `The text has ${count}.`);
  if (followed === 0)
    return result(
      7,
      `The text has ${count}, all nofollow: let search engines follow at least one.`,
    );
  return result(8, `The text has ${count}, ${links.length - followed} of them nofollow.`);
};

const outboundLinks: Assessment = {
  id: 'outboundLinks',
  group: 'seo',
  assess: (get) =>
    linkScore(
      get('outboundLinks'),
      'outbound',
      'Link to at least one good source on another site.',
    ),
};

const internalLinks: Assessment = {
  id: 'internalLinks',
  group: 'seo',
  assess: (get) =>
    linkScore(
      get('internalLinks'),
      'internal',
      'Link to at least one related page of your own site.',
    ),
};

const singleH1: Assessment = {
  id: 'singleH1',
  group: 'seo',
  assess(get) {
    const h1 = get('headings').filter((heading) => heading.level === 1).length;
    return h1 < 2
      ? result(8, 'The body has at most one H1.')
      : result(
          1,
          `The body has ${h1} H1 headings: keep one (usually the title) and make the others H2.`,
        );
  },
};

export const contentAssessments = [
  metaTitleWidth,
  metaDescriptionLength,
  images,
  textLength,
  outboundLinks,
  internalLinks,
  singleH1,
];
