import net from 'node:net';
import { addressVerdict, parseAllowList } from '../../../server/net/address-policy';
import { checkedAddress, guardedConnector } from '../../../server/net/guarded-connector';
import { isFetchRefused } from '../../../server/net/errors';
import { createSafeFetcher } from '../../../server/net/safe-fetch';

/**
 * The ranges no fetch may reach, judged by the classifier and by the connect-time hook alone:
 * no address here is ever connected to (the resolver is ours, and `net.Socket.prototype.connect`
 * is watched to prove no socket opens).
 */

const NONE = parseAllowList([]);

const REFUSED: [address: string, reason: RegExp][] = [
  ['10.0.0.1', /private/],
  ['172.16.5.4', /private/],
  ['192.168.1.1', /private/],
  ['127.0.0.1', /loopback/],
  ['127.255.255.254', /loopback/],
  ['169.254.1.1', /link-local/],
  ['169.254.169.254', /cloud metadata/],
  ['169.254.170.2', /cloud metadata/],
  ['100.100.100.200', /cloud metadata/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['100.127.255.254', /carrier-grade NAT/],
  ['224.0.0.251', /multicast/],
  ['239.255.255.250', /multicast/],
  ['0.0.0.0', /unspecified/],
  ['255.255.255.255', /broadcast/],
  ['192.0.2.10', /documentation/],
  ['198.51.100.7', /documentation/],
  ['203.0.113.9', /documentation/],
  ['198.18.0.1', /reserved|benchmarking/],
  ['240.0.0.1', /reserved/],
  ['::1', /loopback/],
  ['::', /unspecified/],
  ['fe80::1', /link-local/],
  ['fc00::1', /unique local/],
  ['fd12:3456::1', /unique local/],
  ['fd00:ec2::254', /cloud metadata/],
  ['ff02::1', /multicast/],
  ['2001:db8::1', /documentation/],
  ['::ffff:10.0.0.1', /10\.0\.0\.1 \(inside ::ffff:a00:1\) is a private/],
  ['::ffff:169.254.169.254', /cloud metadata/],
  ['::ffff:127.0.0.1', /loopback/],
  ['64:ff9b::a9fe:a9fe', /cloud metadata/],
  ['64:ff9b::a00:1', /private/],
  ['2002:c0a8:101::1', /192\.168\.1\.1 .*private/],
  ['::7f00:2', /127\.0\.0\.2 .*loopback/],
  ['::a9fe:a9fe', /cloud metadata/],
];

describe('the address classifier', () => {
  it.each(REFUSED)('refuses %s', (address, reason) => {
    const verdict = addressVerdict(address, NONE);
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toMatch(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '2606:4700:4700::1111', '2a00:1450:4001::200e'])(
    'allows the public address %s',
    (address) => expect(addressVerdict(address, NONE)).toEqual({ allowed: true }),
  );

  it('opens exactly the ranges and hosts the allow-list names', () => {
    const allow = parseAllowList(['127.0.0.1', '10.1.0.0/16', '[::1]', 'Fixture.Test']);
    expect(addressVerdict('127.0.0.1', allow).allowed).toBe(true);
    expect(addressVerdict('127.0.0.2', allow).allowed).toBe(false);
    expect(addressVerdict('10.1.200.3', allow).allowed).toBe(true);
    expect(addressVerdict('10.2.0.1', allow).allowed).toBe(false);
    expect(addressVerdict('::1', allow).allowed).toBe(true);
    // The IPv4 inside a mapped address is what the range is matched against.
    expect(addressVerdict('::ffff:10.1.0.9', allow).allowed).toBe(true);
    expect(allow.hosts.has('fixture.test')).toBe(true);
  });

  it('rejects an allow-list entry that is not a range', () => {
    expect(() => parseAllowList(['10.0.0.0/99'])).toThrow(
      '"10.0.0.0/99" is not a valid CIDR range',
    );
  });
});

describe('the connect-time hook', () => {
  let connects: jest.SpyInstance;
  beforeEach(() => {
    connects = jest.spyOn(net.Socket.prototype, 'connect');
  });
  afterEach(() => connects.mockRestore());

  const resolvingTo = (addresses: string[]) => async () => addresses;

  it.each(REFUSED)('refuses a name resolving to %s before any socket opens', async (address) => {
    const connect = guardedConnector({
      allow: NONE,
      resolve: resolvingTo([address]),
      connectTimeoutMs: 1000,
    });
    const error = await new Promise<Error | null>((resolve) =>
      connect(
        { hostname: 'innocent.example', host: 'innocent.example', protocol: 'http:', port: '80' },
        (...args) => resolve(args[0]),
      ),
    );
    expect(isFetchRefused(error) && error.rule).toBe('address');
    expect(error?.message).toMatch(/innocent\.example.*it resolves to/);
    expect(connects).not.toHaveBeenCalled();
  });

  it('refuses a name with one public and one private address', async () => {
    await expect(
      checkedAddress('mixed.example', NONE, resolvingTo(['93.184.215.14', '10.0.0.5'])),
    ).rejects.toThrow(/10\.0\.0\.5 is a private address/);
  });

  it('connects to the address it checked, not to a second lookup', async () => {
    let lookups = 0;
    const address = await checkedAddress('rebind.example', NONE, async () => {
      lookups += 1;
      return lookups === 1 ? ['93.184.215.14'] : ['127.0.0.1'];
    });
    expect(address).toBe('93.184.215.14');
    expect(lookups).toBe(1);
  });

  it('refuses a name that does not resolve, saying so', async () => {
    await expect(
      checkedAddress('nowhere.example', NONE, async () => {
        throw new Error('getaddrinfo ENOTFOUND nowhere.example');
      }),
    ).rejects.toMatchObject({ rule: 'dns' });
  });

  it.each([
    ['http://metadata.example/latest/meta-data/', '169.254.169.254'],
    ['https://intranet.example/', '10.10.10.10'],
    ['http://[fd00:ec2::254]/', ''],
    ['http://169.254.169.254/', ''],
    ['http://[::ffff:a9fe:a9fe]/', ''],
  ])('the fetcher refuses %s with no socket opened', async (url, resolved) => {
    const fetcher = createSafeFetcher({
      allowPrivateAddresses: [],
      resolve: resolvingTo([resolved]),
    });
    await expect(fetcher.fetch(url)).rejects.toMatchObject({
      rule: 'address',
      message: expect.stringContaining('siteAnalyzer.allowPrivateAddresses does not allow'),
    });
    await fetcher.close();
    expect(connects).not.toHaveBeenCalled();
  });
});
