import type { AddressInfo } from 'node:net';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { analyze } from '../../analysis/seo';
import { contentCalendar, toBlocks, toHtml, toMarkdown } from '../fixtures/seo/articles';
import { useSuite } from '../helpers/suite';

const suite = useSuite({ redis: false });
const REPORT = 'plugin::alwrity.seo-report';

const article = {
  title: 'Content calendar: how to plan posts your team can keep up with',
  metaDescription:
    'A content calendar keeps your team publishing steadily. Learn how to choose a cadence, plan for several teams and measure what the plan delivers.',
  slug: 'content-calendar-guide',
  keyphrase: 'content calendar',
  locale: 'en',
  baseUrl: 'https://example.com',
};

describe('POST /alwrity/seo/analyze', () => {
  it('answers the engine’s analysis, the same for markdown, HTML and blocks', async () => {
    const markdown = { ...article, content: toMarkdown(contentCalendar) };
    const { body } = await suite.app
      .as('author')
      .post('/alwrity/seo/analyze', markdown)
      .expect(200);
    expect(body.data).toEqual(analyze({ ...markdown, otherKeyphrases: [] }));
    expect(body.data.seoScore).toBeGreaterThanOrEqual(90);
    for (const content of [toHtml(contentCalendar), toBlocks(contentCalendar)]) {
      const other = await suite.app
        .as('author')
        .post('/alwrity/seo/analyze', { ...article, content })
        .expect(200);
      expect(other.body.data).toEqual(body.data);
    }
  });

  it('finds the keyphrase already used by another entry (cannibalisation)', async () => {
    await suite.strapi.db.query(REPORT).createMany({
      data: [
        {
          targetUid: 'api::article.article',
          targetDocumentId: 'a1b2c3d4e5f6g7h8i9j0k1l2',
          targetLocale: 'en',
          targetTitle: 'Calendars that work',
          keyphrase: 'Content calendars',
        },
      ],
    });
    const { body } = await suite.app
      .as('editor')
      .post('/alwrity/seo/analyze', { ...article, content: toMarkdown(contentCalendar) })
      .expect(200);
    expect(body.data.assessments).toContainEqual(
      expect.objectContaining({
        id: 'previouslyUsedKeyphrase',
        rating: 'ok',
        message: expect.stringContaining('"Calendars that work" already focuses on this keyphrase'),
      }),
    );
    await suite.strapi.db.query(REPORT).deleteMany({});
  });

  it('refuses a blocks body nested too deep with 400 naming the field', async () => {
    let node: Record<string, unknown> = { type: 'text', text: 'deep' };
    for (let i = 0; i < 40; i += 1) node = { type: 'list-item', children: [node] };
    const { body } = await suite.app
      .as('author')
      .post('/alwrity/seo/analyze', { content: [{ type: 'list', children: [node] }] })
      .expect(400);
    expect(body.error.message).toMatch(/content/);
  });
});

describe('the alwrity_seo_analyze tool on Strapi’s MCP server', () => {
  let url: URL;
  beforeAll(async () => {
    const server = suite.strapi.server.httpServer;
    if (!server.listening)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
  });

  /** An admin token holding these plugin actions, as Settings → Admin tokens would make. */
  const adminToken = async (name: string, actions: string[]) => {
    const { body } = await suite.app
      .as('superAdmin')
      .post('/admin/admin-tokens', {
        name,
        kind: 'admin',
        lifespan: null,
        adminPermissions: actions.map((action) => ({ action: `plugin::alwrity.${action}` })),
      })
      .expect(201);
    return body.data.accessKey as string;
  };

  const connect = async (token: string) => {
    const client = new Client({ name: 'alwrity-tests', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(url, {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      }),
    );
    return client;
  };

  it('is listed for a token with seo.use and answers the route’s scores', async () => {
    const client = await connect(await adminToken('SEO agent', ['seo.use']));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('alwrity_seo_analyze');
      const input = { ...article, content: toMarkdown(contentCalendar) };
      const result = await client.callTool({ name: 'alwrity_seo_analyze', arguments: input });
      const { body } = await suite.app.as('editor').post('/alwrity/seo/analyze', input).expect(200);
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual(body.data);
    } finally {
      await client.close();
    }
  });

  it('is not listed for a token without seo.use', async () => {
    const client = await connect(await adminToken('Writer agent', ['writer.use']));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).not.toContain('alwrity_seo_analyze');
    } finally {
      await client.close();
    }
  });
});
