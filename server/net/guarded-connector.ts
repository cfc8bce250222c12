import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { addressVerdict, hostAllowed, type AllowList } from './address-policy';
import { FetchRefusedError } from './errors';

/** Host name to addresses; the real one asks the system resolver, tests pass their own. */
export type Resolver = (hostname: string) => Promise<string[]>;

/** getaddrinfo has no timeout of its own: a name that takes longer is refused. */
const LOOKUP_TIMEOUT_MS = 5_000;

export const systemResolver: Resolver = async (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${LOOKUP_TIMEOUT_MS} ms`)),
      LOOKUP_TIMEOUT_MS,
    );
  });
  try {
    const entries = await Promise.race([lookup(hostname, { all: true, verbatim: true }), late]);
    return entries.map((entry) => entry.address);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * The address a connection to this host may use. Every address the name resolves to must pass:
 * a name that answers one public and one private address is refused, not raced.
 */
export const checkedAddress = async (
  hostname: string,
  allow: AllowList,
  resolve: Resolver,
): Promise<string> => {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  const origin = `the host ${host}`;
  if (isIP(host)) {
    const verdict = addressVerdict(host, allow);
    if (!verdict.allowed) throw new FetchRefusedError('address', origin, refusal(verdict.reason));
    return host;
  }
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    throw new FetchRefusedError(
      'dns',
      origin,
      `its name did not resolve (${(error as Error).message})`,
    );
  }
  if (!addresses.length) throw new FetchRefusedError('dns', origin, 'its name has no address');
  if (hostAllowed(host, allow)) return addresses[0]!;
  for (const address of addresses) {
    const verdict = addressVerdict(address, allow);
    if (!verdict.allowed) {
      throw new FetchRefusedError('address', origin, `it resolves to ${refusal(verdict.reason)}`);
    }
  }
  return addresses[0]!;
};

const refusal = (reason: string) =>
  `${reason}, which siteAnalyzer.allowPrivateAddresses does not allow`;

/**
 * An undici connector that checks the address of every connection as it is opened and connects
 * to exactly that address, so a name cannot resolve to a public address when checked and a
 * private one when connected (DNS rebinding). Redirect hops open their own connections and pass
 * through here too.
 */
export const guardedConnector = (options: {
  allow: AllowList;
  resolve: Resolver;
  connectTimeoutMs: number;
}): buildConnector.connector => {
  const connect = buildConnector({ timeout: options.connectTimeoutMs });
  return (target, callback) => {
    checkedAddress(target.hostname, options.allow, options.resolve).then(
      // TLS still names and verifies the original host: undici takes the server name from `host`.
      (address) => connect({ ...target, hostname: address }, callback),
      (error: Error) => callback(error, null),
    );
  };
};
