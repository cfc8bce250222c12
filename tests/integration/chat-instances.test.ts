import type { SearchHit } from '../../contracts/chat';
import { indexTypes } from '../helpers/chat';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

/**
 * The content index across instances on one PostgreSQL and one Redis: the index jobs run in a
 * worker process, yet this web process's index in memory follows each change (Redis pub/sub);
 * and an instance booted afresh, reading the index from the database, answers alike.
 */

const ARTICLE = 'api::article.article';
const suite = useSuite({ database: 'postgres', config: { worker: 'off' } });
let worker: WorkerProcess | undefined;

afterAll(async () => {
  await worker?.stop('SIGTERM');
});

const search = async (query: string) =>
  (
    (
      await suite.app
        .as('superAdmin')
        .post('/alwrity/chat/search', { query, limit: 20 })
        .expect(200)
    ).body.data as SearchHit[]
  ).map((hit) => `${hit.documentId} ${hit.status} ${hit.field} ${hit.text}`);

describe('the content index across instances', () => {
  it('follows changes indexed by another process, and a fresh instance answers alike', async () => {
    worker = await startWorkerProcess(suite.env());
    await indexTypes(suite.app, { [ARTICLE]: true });
    // Loaded before the entries exist: what follows can only arrive by broadcast.
    expect(await search('lighthouse')).toEqual([]);

    const documents = suite.strapi.documents(ARTICLE as never);
    const created = [];
    for (const [title, description] of [
      ['Lighthouse keeping', 'A lighthouse keeper trims the wick at dusk.'],
      ['Lighthouse tours', 'Tours of the lighthouse run on Sundays.'],
    ]) {
      created.push(await documents.create({ data: { title, description } } as never));
    }
    await waitUntil(
      'both entries heard of',
      async () => (await search('lighthouse')).length >= 2 || undefined,
      30_000,
    );

    await documents.update({
      documentId: created[1]!.documentId,
      data: { description: 'Tours now run on Saturdays, by the harbour.' },
    } as never);
    await waitUntil(
      'the change heard of',
      async () => {
        const hits = await search('tours harbour');
        return hits.some((hit) => hit.includes('Saturdays')) || undefined;
      },
      30_000,
    );
    expect((await search('Sundays')).filter((hit) => hit.includes('Sundays'))).toEqual([]);

    const before = await search('lighthouse tours harbour keeper');
    await suite.restart();
    expect(await search('lighthouse tours harbour keeper')).toEqual(before);
  }, 120_000);
});
