import type { Attributes } from '../../../analysis/seo/entry';
import { chunkField, hashChunk } from '../../../server/chat/chunks';
import { fieldTextsOf } from '../../../server/chat/entry-text';

const ARTICLE: Attributes = {
  title: { type: 'string' },
  slug: { type: 'uid' },
  content: { type: 'richtext' },
  body: { type: 'blocks' },
  seo: { type: 'component', component: 'shared.seo' },
  faq: { type: 'component', component: 'shared.faq', repeatable: true },
  zone: { type: 'dynamiczone', components: ['shared.quote', 'shared.faq'] },
  internal: { type: 'text', private: true } as Attributes[string],
};
const COMPONENTS: Record<string, Attributes> = {
  'shared.seo': { metaTitle: { type: 'string' }, metaDescription: { type: 'text' } },
  'shared.faq': { question: { type: 'string' }, answer: { type: 'richtext' } },
  'shared.quote': { text: { type: 'text' }, author: { type: 'string' } },
};
const lookup = (uid: string) => COMPONENTS[uid];

describe('the text an entry holds, field by field', () => {
  it('reads strings, rich text, blocks, components and dynamic zones with their paths', () => {
    const fields = fieldTextsOf(
      {
        title: 'Composting at home',
        slug: 'composting-at-home',
        content: '# Start\n\nKeep greens and browns.\n\n## Turn it\n\nTurn weekly.',
        body: [
          { type: 'heading', level: 2, children: [{ type: 'text', text: 'Blocks heading' }] },
          { type: 'paragraph', children: [{ type: 'text', text: 'Blocks text.' }] },
        ],
        seo: { metaTitle: 'Compost', metaDescription: 'All about compost.' },
        faq: [
          { question: 'How long?', answer: 'About **three** months.' },
          { question: 'Smell?', answer: null },
        ],
        zone: [
          { __component: 'shared.quote', text: 'Waste not.', author: 'Gran' },
          { __component: 'shared.faq', question: 'Where?', answer: 'On a balcony.' },
        ],
        internal: 'Not for readers.',
      },
      ARTICLE,
      lookup,
    );
    expect(fields.map((field) => field.path)).toEqual([
      'title',
      'content',
      'body',
      'seo.metaTitle',
      'seo.metaDescription',
      'faq[0].question',
      'faq[0].answer',
      'faq[1].question',
      'zone[0].text',
      'zone[0].author',
      'zone[1].question',
      'zone[1].answer',
    ]);
    expect(fields.find((f) => f.path === 'faq[0].answer')!.model.blocks[0]!.text).toBe(
      'About three months.',
    );
    expect(fields.find((f) => f.path === 'content')!.model.blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'paragraph',
    ]);
  });
});

describe('chunks of a field', () => {
  const field = (markdown: string) =>
    fieldTextsOf({ content: markdown }, { content: { type: 'richtext' } }, lookup)[0]!;

  it('starts a chunk at each heading and keeps the heading with its text', () => {
    const chunks = chunkField(field('# Start\n\nGreens.\n\nBrowns.\n\n## Turn it\n\nWeekly.'));
    expect(chunks.map(({ heading, text, index }) => ({ heading, text, index }))).toEqual([
      { heading: 'Start', text: 'Greens.\nBrowns.', index: 0 },
      { heading: 'Turn it', text: 'Weekly.', index: 1 },
    ]);
    expect(chunks[0]!.field).toBe('content');
  });

  it('cuts long text within the size, each chunk carrying the end of the one before', () => {
    const sentences = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} about compost.`);
    const chunks = chunkField(field(sentences.join(' ')), { maxChars: 200, overlapChars: 40 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(200);
    for (let i = 1; i < chunks.length; i += 1) {
      const overlap = chunks[i]!.text.slice(0, 20);
      expect(chunks[i - 1]!.text).toContain(overlap);
    }
    // Every sentence is somewhere.
    const all = chunks.map((chunk) => chunk.text).join(' ');
    for (const sentence of sentences) expect(all).toContain(sentence);
  });

  it('hashes heading and text: the same chunk the same hash, a changed one another', () => {
    const [first] = chunkField(field('# A\n\nSame text.'));
    const [again] = chunkField(field('# A\n\nSame text.'));
    const [other] = chunkField(field('# B\n\nSame text.'));
    expect(first!.hash).toBe(again!.hash);
    expect(first!.hash).not.toBe(other!.hash);
    expect(first!.hash).toBe(hashChunk('A', 'Same text.'));
  });
});
