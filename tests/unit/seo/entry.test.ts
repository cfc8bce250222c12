import path from 'node:path';
import { readFileSync } from 'node:fs';
import {
  analyze,
  detectSeoMapping,
  paperOfEntry,
  populateOf,
  type Attributes,
} from '../../../analysis/seo';
import { contentCalendar } from '../../fixtures/seo/articles';
import { goodPaper } from './helpers';

/** The playground's own schemas, as Strapi loads them. */
const PLAYGROUND = path.resolve(__dirname, '..', '..', '..', 'playground', 'src');
const schema = (file: string) =>
  (JSON.parse(readFileSync(path.join(PLAYGROUND, file), 'utf8')) as { attributes: Attributes })
    .attributes;
const components: Record<string, Attributes> = {
  'shared.seo': schema('components/shared/seo.json'),
  'shared.rich-text': schema('components/shared/rich-text.json'),
  'shared.quote': schema('components/shared/quote.json'),
  'shared.media': schema('components/shared/media.json'),
  'shared.faq': schema('components/shared/faq.json'),
  'shared.faq-item': schema('components/shared/faq-item.json'),
};
const lookup = (uid: string) => components[uid];
const article = schema('api/article/content-types/article/schema.json');
const page = schema('api/page/content-types/page/schema.json');

describe('the field mapping detected from a content type', () => {
  it('finds title, meta fields in a component, slug, body and images of the Article', () => {
    expect(detectSeoMapping(article, lookup)).toEqual({
      title: 'title',
      metaTitle: 'seo.metaTitle',
      metaDescription: 'seo.metaDescription',
      slug: 'slug',
      body: ['content'],
      images: ['cover'],
    });
  });

  it('takes a dynamic zone as the body of a landing page', () => {
    expect(detectSeoMapping(page, lookup)).toMatchObject({ body: ['sections'], slug: 'slug' });
  });
});

describe('an entry as a paper', () => {
  const reference = goodPaper();

  /** The fixture article as a landing page: rich-text, media and quote sections. */
  const landingPage = () => {
    const sections: Record<string, unknown>[] = [];
    let current: { __component: string; heading?: string; body: string } | undefined;
    for (const part of contentCalendar) {
      if ('h' in part || !current) {
        current = { __component: 'shared.rich-text', body: '' };
        sections.push(current);
      }
      if ('h' in part) current.heading = part.text;
      else if ('p' in part) current.body += `${part.p}\n\n`;
      else if ('img' in part) {
        sections.push({
          __component: 'shared.media',
          file: { url: part.img, alternativeText: part.alt },
          caption: '',
        });
      }
    }
    return {
      title: reference.title,
      slug: reference.slug,
      seo: { metaTitle: reference.metaTitle, metaDescription: reference.metaDescription },
      sections,
    };
  };

  it('reads the text of a dynamic zone as the body, and scores it as the same article', () => {
    const mapping = detectSeoMapping(page, lookup);
    const paper = paperOfEntry(landingPage(), mapping, page, lookup, {
      keyphrase: reference.keyphrase,
      locale: 'en',
      baseUrl: reference.baseUrl,
    });
    expect(paper.images).toHaveLength(2);
    expect(analyze(paper)).toEqual(analyze(reference));
  });

  it('reads a quote component and a cover image', () => {
    const mapping = detectSeoMapping(page, lookup);
    const paper = paperOfEntry(
      {
        title: 'Quotes',
        sections: [{ __component: 'shared.quote', text: 'Plan early.', author: 'Ada' }],
      },
      mapping,
      page,
      lookup,
    );
    expect(analyze(paper).wordCount).toBe(3);
    const withCover = paperOfEntry(
      { title: 'T', content: 'Body.', cover: { url: '/c.jpg', alternativeText: 'A cover' } },
      detectSeoMapping(article, lookup),
      article,
      lookup,
    );
    expect(withCover.images).toEqual([{ src: '/c.jpg', alt: 'A cover' }]);
  });
});

describe('what the server populates to read an entry', () => {
  it('reaches media, components and each dynamic zone component, however deep they nest', () => {
    expect(populateOf(page, ['title', 'sections', 'seo'], lookup)).toEqual({
      sections: {
        on: {
          'shared.rich-text': true,
          'shared.quote': true,
          'shared.media': { populate: { file: true } },
          'shared.faq': { populate: { items: true } },
        },
      },
      seo: true,
    });
    expect(populateOf(article, ['cover', 'content'], lookup)).toEqual({ cover: true });
  });
});
