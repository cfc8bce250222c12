import type { SearchHit } from '../../contracts/chat';
import { useMcp } from '../helpers/mcp';
import { indexTypes } from '../helpers/chat';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

/** The content chatbot's retrieval on Strapi's MCP server, through the official MCP client. */

const suite = useSuite({ redis: false });
const { adminToken, connect } = useMcp(suite);
const ARTICLE = 'api::article.article';
const PAGE = 'api::page.page';

beforeAll(async () => {
  await indexTypes(suite.app, { [ARTICLE]: true, [PAGE]: true });
  await suite.strapi.documents(ARTICLE as never).create({
    data: { title: 'Composting at the office', content: 'Worms eat coffee grounds.' },
  } as never);
  await suite.strapi
    .documents(PAGE as never)
    .create({ data: { title: 'Composting landing page' } } as never);
  await waitUntil('both entries indexed', async () => {
    const { body } = await suite.app
      .as('superAdmin')
      .post('/alwrity/chat/search', { query: 'composting' });
    return (body.data as SearchHit[]).length >= 2 || undefined;
  });
});

describe('the alwrity_search_content tool', () => {
  it("answers passages with citations, only from what the token's owner may read", async () => {
    const token = await adminToken(
      'Article researcher',
      ['chat.use'],
      [
        {
          action: 'plugin::content-manager.explorer.read',
          subject: ARTICLE,
          properties: { locales: ['en'] },
        },
      ],
    );
    const client = await connect(token);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('alwrity_search_content');
      const result = await client.callTool({
        name: 'alwrity_search_content',
        arguments: { query: 'composting worms' },
      });
      expect(result.isError).toBeFalsy();
      const { hits } = result.structuredContent as { hits: SearchHit[] };
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.uid === ARTICLE)).toBe(true);
      expect(hits[0]).toMatchObject({
        title: 'Composting at the office',
        status: 'draft',
        locale: 'en',
        link: expect.stringContaining(`/content-manager/collection-types/${ARTICLE}/`),
      });
      const bad = await client.callTool({
        name: 'alwrity_search_content',
        arguments: { query: '' },
      });
      expect(bad.isError).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('is not offered to a token without chat.use', async () => {
    const client = await connect(await adminToken('Calendar-only agent', ['calendar.read']));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).not.toContain('alwrity_search_content');
    } finally {
      await client.close();
    }
  });
});
