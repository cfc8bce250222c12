import type { CalendarItemView } from '../../contracts/calendar';
import { useMcp } from '../helpers/mcp';
import { useSuite } from '../helpers/suite';

/** The calendar on Strapi's MCP server, through the official MCP client. */

const suite = useSuite({ redis: false });
const { adminToken, connect } = useMcp(suite);

const create = async (title: string, publishAt: string, channel = 'blog') =>
  (
    await suite.app
      .as('editor')
      .post('/alwrity/calendar/items', { title, timezone: 'Europe/Berlin', publishAt, channel })
      .expect(201)
  ).body.data as CalendarItemView;

describe('the alwrity_calendar_items tool', () => {
  it('lists a range as the calendar route does, for a token with calendar.read only', async () => {
    const march = await create('Spring launch', '2027-03-28T09:00');
    await create('Spring social', '2027-03-29T10:00', 'social');
    await create('Summer', '2027-07-01T09:00');
    const client = await connect(await adminToken('Calendar agent', ['calendar.read']));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('alwrity_calendar_items');
      const result = await client.callTool({
        name: 'alwrity_calendar_items',
        arguments: { from: '2027-03-01', to: '2027-04-01', channel: 'blog' },
      });
      expect(result.isError).toBeFalsy();
      const { items, total } = result.structuredContent as {
        items: { documentId: string; publishAt: string; publishAtLocal: string }[];
        total: number;
      };
      expect(total).toBe(1);
      expect(items).toEqual([
        expect.objectContaining({
          documentId: march.documentId,
          publishAt: '2027-03-28T07:00:00.000Z',
          publishAtLocal: '2027-03-28T09:00',
        }),
      ]);
      const bad = await client.callTool({
        name: 'alwrity_calendar_items',
        arguments: { from: '2027-04-01', to: '2027-03-01' },
      });
      expect(bad.isError).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('is not offered to a token without calendar.read', async () => {
    const client = await connect(await adminToken('SEO-only agent', ['seo.use']));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).not.toContain('alwrity_calendar_items');
    } finally {
      await client.close();
    }
  });
});
