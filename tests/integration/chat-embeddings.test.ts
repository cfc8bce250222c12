import type { SearchHit } from '../../contracts/chat';
import { indexTypes } from '../helpers/chat';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

/**
 * With an embeddings model set, chunks carry vectors from the provider (the fake model server's
 * word projections, through the real OpenAI SDK) and retrieval fuses them with BM25; a save
 * embeds only the chunks whose text changed.
 */

const suite = useSuite({ redis: false });
const ARTICLE = 'api::article.article';

const embedded = () =>
  suite.fake.requests
    .filter((request) => request.kind === 'embeddings')
    .flatMap((request) => request.body.input as string[]);

const search = async (query: string) =>
  (await suite.app.as('superAdmin').post('/alwrity/chat/search', { query }).expect(200)).body
    .data as SearchHit[];

beforeAll(async () => {
  await suite.app
    .as('superAdmin')
    .put('/alwrity/settings', {
      providers: { openai: { models: { embeddings: 'text-embedding-3-small' } } },
    })
    .expect(200);
  await indexTypes(suite.app, { [ARTICLE]: true });
});

describe('hybrid retrieval', () => {
  it('embeds new chunks, re-embeds only changed text, and reports the model', async () => {
    const view = (await suite.app.as('superAdmin').get('/alwrity/chat/index').expect(200)).body
      .data;
    expect(view.embeddings).toBe('text-embedding-3-small');
    const entry = await suite.strapi.documents(ARTICLE as never).create({
      data: {
        title: 'Beekeeping basics',
        description: 'Hives need inspecting every nine days in spring.',
        content: '## Equipment\n\nA smoker calms the colony before an inspection.',
      },
    } as never);
    await waitUntil(
      'the entry indexed',
      async () =>
        (await search('smoker colony')).some((hit) => hit.documentId === entry.documentId) ||
        undefined,
    );
    const first = embedded();
    expect(first).toEqual(
      expect.arrayContaining([
        'Hives need inspecting every nine days in spring.',
        'Equipment\nA smoker calms the colony before an inspection.',
      ]),
    );
    const rows = await suite.strapi.db
      .query('plugin::alwrity.chat-chunk')
      .findMany({ where: { targetDocumentId: entry.documentId } });
    expect(
      rows.every((row: { vectorModel: string }) => row.vectorModel === 'text-embedding-3-small'),
    ).toBe(true);

    suite.fake.reset();
    await suite.strapi.documents(ARTICLE as never).update({
      documentId: entry.documentId,
      data: { description: 'Hives need inspecting every seven days in summer.' },
    } as never);
    await waitUntil(
      'the change indexed',
      async () =>
        (await search('seven days summer')).some((hit) => hit.text.includes('seven days')) ||
        undefined,
    );
    // The content chunk kept its vector; searches embed their queries.
    const chunkTexts = embedded().filter((text) => text.includes('\n') || text.startsWith('Hives'));
    expect(chunkTexts).toEqual(['Hives need inspecting every seven days in summer.']);
  });

  it('finds a passage by meaning as well as by its words', async () => {
    const hits = await search('calming bees with smoke before inspections');
    expect(hits[0]).toMatchObject({ title: 'Beekeeping basics' });
  });
});
