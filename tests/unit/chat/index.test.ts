import { diffChunks, type StoredChunk } from '../../../server/chat/chunk-diff';
import { chunksOfEntry, type IndexedType } from '../../../server/chat/entry-chunks';
import { textFieldNames } from '../../../server/chat/entry-text';
import { createMemoryIndex, type IndexedChunk } from '../../../server/chat/memory-index';
import { decodeVector, encodeVector } from '../../../server/chat/vector-codec';

const ARTICLE: IndexedType = {
  uid: 'api::article.article',
  attributes: {
    title: { type: 'string' },
    body: { type: 'richtext' },
    locale: { type: 'string', visible: false },
    secret: { type: 'text', private: true },
    cover: { type: 'media' },
    faq: { type: 'component', repeatable: true, component: 'shared.faq' },
  },
  fields: null,
  titleField: 'title',
  draftAndPublish: true,
};
const lookup = (uid: string) =>
  uid === 'shared.faq' ? { question: { type: 'string' }, answer: { type: 'text' } } : undefined;

const entry = {
  documentId: 'doc1',
  locale: 'en',
  publishedAt: null,
  createdBy: { id: 7 },
  title: 'Pricing',
  body: '## Plans\n\nStarter costs nine euros.',
  locale_: 'ignored',
  secret: 'never indexed',
  faq: [{ question: 'Refunds?', answer: 'Within thirty days.' }],
};

describe("an entry's chunks", () => {
  it('reads the text fields an editor writes, labelled with version, locale and owner', () => {
    const chunks = chunksOfEntry(entry, ARTICLE, lookup);
    // The title is on every chunk: no chunk of its own when there is other text.
    expect(chunks.map((chunk) => [chunk.field, chunk.heading, chunk.text])).toEqual([
      ['body', 'Plans', 'Starter costs nine euros.'],
      ['faq[0].question', null, 'Refunds?'],
      ['faq[0].answer', null, 'Within thirty days.'],
    ]);
    expect(chunks[0]).toMatchObject({
      targetUid: ARTICLE.uid,
      targetDocumentId: 'doc1',
      targetLocale: 'en',
      version: 'draft',
      position: 0,
      title: 'Pricing',
      titleField: 'title',
      ownerId: 7,
    });
    expect(
      chunksOfEntry({ ...entry, publishedAt: '2026-01-01' }, ARTICLE, lookup)[0]!.version,
    ).toBe('published');
  });

  it('keeps to the chosen fields, and names an untitled entry by its id', () => {
    const chunks = chunksOfEntry({ ...entry, title: '' }, { ...ARTICLE, fields: ['body'] }, lookup);
    expect(chunks.map((chunk) => chunk.field)).toEqual(['body']);
    expect(chunks[0]).toMatchObject({ title: 'doc1', titleField: null });
  });

  it('offers the fields that hold text, components holding text among them', () => {
    expect(textFieldNames(ARTICLE.attributes, lookup)).toEqual(['title', 'body', 'faq']);
  });
});

const stored = (overrides: Partial<StoredChunk> & { id: number; hash: string }): StoredChunk => ({
  targetLocale: 'en',
  version: 'draft',
  field: 'body',
  position: 0,
  title: 'Pricing',
  titleField: null,
  ownerId: 7,
  vector: null,
  vectorModel: null,
  ...overrides,
});

describe('re-indexing a document', () => {
  const [title, body] = chunksOfEntry(
    { ...entry, faq: [] },
    { ...ARTICLE, titleField: null },
    lookup,
  );

  it('keeps unchanged rows, replaces changed ones, and reuses a vector for the same text', () => {
    // Without a title field the entry is named by its id.
    const rows = [
      stored({ id: 1, field: 'title', hash: title!.hash, title: 'doc1' }),
      stored({ id: 2, hash: 'old text', vector: 'AAAA', vectorModel: 'm', title: 'doc1' }),
      stored({
        id: 3,
        field: 'body',
        position: 1,
        hash: body!.hash,
        vector: 'BBBB',
        vectorModel: 'm',
        title: 'doc1',
      }),
    ];
    const diff = diffChunks(rows, [title!, body!], 'm');
    expect(diff.keep).toEqual([1]);
    expect(diff.remove).toEqual([2, 3]);
    expect(diff.add).toEqual([{ ...body!, vector: 'BBBB', vectorModel: 'm' }]);
    expect(diff.stale.map((row) => row.id)).toEqual([1]);
  });

  it('takes a new title, or one read from another field, as a change of every chunk (citations show it)', () => {
    const row = (id: number, extra: Partial<StoredChunk>) =>
      stored({ id, field: 'title', hash: title!.hash, title: title!.title, ...extra });
    expect(diffChunks([row(1, {})], [title!], null)).toMatchObject({ keep: [1], remove: [] });
    expect(diffChunks([row(2, { title: 'Old name' })], [title!], null)).toMatchObject({
      keep: [],
      remove: [2],
    });
    // Whose permission guards the title changes with the field it is read from.
    expect(diffChunks([row(3, { titleField: 'slug' })], [title!], null)).toMatchObject({
      keep: [],
      remove: [3],
    });
  });
});

const chunk = (id: number, text: string, extra: Partial<IndexedChunk> = {}): IndexedChunk => ({
  id,
  uid: 'api::article.article',
  documentId: `doc${id}`,
  locale: 'en',
  version: 'draft',
  field: 'body',
  heading: null,
  title: `Entry ${id}`,
  titleField: 'title',
  text,
  hash: `hash${id}`,
  ownerId: null,
  ...extra,
});

describe('the index in memory', () => {
  it('ranks by BM25 with stemming and function words dropped, per locale, within the filter', () => {
    const index = createMemoryIndex();
    index.put(chunk(1, 'Our pricing plans start at nine euros.'));
    index.put(chunk(2, 'Weather report for the weekend.'));
    index.put(chunk(3, 'Preise und Tarife', { locale: 'de', title: 'Preise' }));
    index.put(chunk(4, 'Priced plans for teams.', { version: 'published' }));
    const ids = (query: string, options: { locale?: string } = {}) =>
      index.lexical(query, { ...options, limit: 5, allow: () => true }).map((hit) => hit.id);
    expect(ids('the plan pricing')).toEqual(expect.arrayContaining([1, 4]));
    expect(ids('the plan pricing')).not.toContain(2);
    expect(ids('Tarif', { locale: 'de' })).toEqual([3]);
    expect(ids('pricing', { locale: 'de' })).toEqual([]);
    expect(
      index
        .lexical('plans', { limit: 5, allow: (each) => each.version === 'published' })
        .map((hit) => hit.id),
    ).toEqual([4]);
  });

  it("matches a chunk by its entry's title only where the reader may read titles", () => {
    const index = createMemoryIndex();
    index.put(chunk(1, 'Ivory grows in a spiral.', { title: 'Narwhal facts' }));
    index.put(chunk(2, 'The narwhal is a whale.', { title: 'Arctic whales' }));
    const ids = (query: string, titled: (each: IndexedChunk) => boolean) =>
      index.lexical(query, { limit: 5, allow: () => true, titled }).map((hit) => hit.id);
    expect(ids('narwhal', () => true)).toEqual(expect.arrayContaining([1, 2]));
    expect(ids('narwhal', () => false)).toEqual([2]);
    expect(ids('narwhal ivory', (each) => each.id === 2)).toEqual(expect.arrayContaining([1, 2]));
  });

  it('replaces and removes a document, and searches vectors only of one dimension', () => {
    const index = createMemoryIndex();
    index.put(chunk(1, 'compost worms'), [1, 0]);
    index.put(chunk(2, 'compost bins', { documentId: 'doc1' }), [0, 1]);
    expect(index.similar([1, 0.1], { limit: 2, allow: () => true }).map((hit) => hit.id)).toEqual([
      1, 2,
    ]);
    expect(index.similar([1, 0, 0], { limit: 2, allow: () => true })).toEqual([]);
    index.removeDocument('api::article.article', 'doc1');
    expect(index.size).toBe(0);
    expect(index.lexical('compost', { limit: 5, allow: () => true })).toEqual([]);
    index.put(chunk(1, 'compost again'));
    expect(index.lexical('compost', { limit: 5, allow: () => true }).map((hit) => hit.id)).toEqual([
      1,
    ]);
  });
});

describe('stored vectors', () => {
  it('read back exactly as float32', () => {
    const vector = [0.25, -1.5, 3.125];
    expect([...decodeVector(encodeVector(vector))]).toEqual(vector);
  });
});
