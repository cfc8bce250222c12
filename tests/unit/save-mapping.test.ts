import { markdownToBlocks } from '../../writers/markdown-blocks';
import { detectMapping, slotsOf, slugify, targetFieldsOf } from '../../writers/save-mapping';

const attributes = {
  title: { type: 'string', required: true },
  slug: { type: 'uid' },
  excerpt: { type: 'text' },
  body: { type: 'blocks' },
  cover: { type: 'media' },
  locale: { type: 'string', visible: false },
  seo: { type: 'component', component: 'shared.seo' },
  faqs: { type: 'component', component: 'shared.faq', repeatable: true },
};
const components: Record<string, Record<string, { type: string }>> = {
  'shared.seo': { metaTitle: { type: 'string' }, metaDescription: { type: 'text' } },
};

describe('save-as-draft mapping', () => {
  const fields = targetFieldsOf(attributes, (uid) => components[uid]);

  it('offers text fields and single components, not media, repeatables or hidden fields', () => {
    expect(fields.map((field) => field.path)).toEqual([
      'title',
      'slug',
      'excerpt',
      'body',
      'seo.metaTitle',
      'seo.metaDescription',
    ]);
    expect(fields[0]).toEqual({ path: 'title', type: 'string', required: true });
  });

  it('detects the obvious mapping from field names', () => {
    expect(detectMapping(fields)).toEqual({
      title: 'title',
      slug: 'slug',
      excerpt: 'description',
      body: 'body',
      'seo.metaTitle': 'metaTitle',
      'seo.metaDescription': 'metaDescription',
    });
  });

  it("reads each writer's output as slots, with a slug from the title when none was written", () => {
    expect(
      slotsOf('story', { title: 'The Fox & the Crow', synopsis: 'A fable.', story: 'Once…' }),
    ).toEqual({
      title: 'The Fox & the Crow',
      slug: 'the-fox-the-crow',
      description: 'A fable.',
      body: 'Once…',
    });
    expect(slotsOf('unknown', { text: 'x' })).toEqual({});
  });

  it('slugifies accents and punctuation', () => {
    expect(slugify('  Crème brûlée: 10 tips!  ')).toBe('creme-brulee-10-tips');
  });
});

describe('markdown to blocks', () => {
  it('converts headings, paragraphs, lists, quotes, code and inline marks', () => {
    const blocks = markdownToBlocks(
      '## Why\n\nCompost is **rich** and *cheap*.\nIt works.\n\n- Greens\n- Browns\n\n1. Mix\n2. Wait\n\n> Patience.\n\n```\nturn()\n```',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Why' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Compost is ' },
          { type: 'text', text: 'rich', bold: true },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'cheap', italic: true },
          { type: 'text', text: '. It works.' },
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Greens' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Browns' }] },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Mix' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Wait' }] },
        ],
      },
      { type: 'quote', children: [{ type: 'text', text: 'Patience.' }] },
      { type: 'code', children: [{ type: 'text', text: 'turn()' }] },
    ]);
  });
});
