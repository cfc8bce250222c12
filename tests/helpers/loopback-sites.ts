import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Small HTTP servers on loopback addresses, and listeners that count what reached them. */

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface LoopbackServer {
  host: string;
  port: number;
  /** `http://host:port`, with IPv6 hosts bracketed. */
  origin: string;
  /** Connections accepted so far: a refused fetch must leave this at 0. */
  connections: number;
  requests: string[];
  close(): Promise<void>;
}

export const serve = async (host: string, handler: Handler): Promise<LoopbackServer> => {
  const server = http.createServer((request, response) => {
    state.requests.push(request.url ?? '');
    handler(request, response);
  });
  const state: LoopbackServer = {
    host,
    port: 0,
    origin: '',
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('connection', () => {
    state.connections += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://${host.includes(':') ? `[${host}]` : host}:${state.port}`;
  return state;
};
