import type { AddressInfo } from 'node:net';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Suite } from './suite';

/**
 * Strapi's MCP server as an agent reaches it: the official MCP client over HTTP, with an admin
 * token holding the given plugin actions (as Settings → Admin tokens makes one).
 */
export const useMcp = (suite: Suite) => {
  let url: URL;
  beforeAll(async () => {
    const server = suite.strapi.server.httpServer;
    if (!server.listening)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
  });

  return {
    async adminToken(name: string, actions: string[], others: object[] = []) {
      const { body } = await suite.app
        .as('superAdmin')
        .post('/admin/admin-tokens', {
          name,
          kind: 'admin',
          lifespan: null,
          adminPermissions: [
            ...actions.map((action) => ({ action: `plugin::alwrity.${action}` })),
            ...others,
          ],
        })
        .expect(201);
      return body.data.accessKey as string;
    },

    async connect(token: string) {
      const client = new Client({ name: 'alwrity-tests', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(url, {
          requestInit: { headers: { Authorization: `Bearer ${token}` } },
        }),
      );
      return client;
    },
  };
};
