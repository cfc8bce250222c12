import ipaddr from 'ipaddr.js';

/**
 * Which addresses a fetch may connect to: public unicast only, unless the plugin config's
 * `siteAnalyzer.allowPrivateAddresses` lists the host or a range holding the address.
 *
 * Deny by default: anything ipaddr.js does not call plain `unicast` (loopback, private,
 * link-local, CGNAT, multicast, documentation, benchmarking, reserved...) is refused, so a range
 * nobody thought of is refused too. Addresses carrying an IPv4 one inside (IPv4-mapped, NAT64,
 * 6to4) are judged by the address inside.
 */

/** Cloud instance-metadata endpoints, named in the refusal because they are what an attacker wants. */
const METADATA = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack
  '169.254.170.2', // AWS ECS task metadata
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud
  'fd00:ec2::254', // AWS over IPv6
]);

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  uniqueLocal: 'a unique local (private) IPv6 address',
  reserved: 'a reserved or documentation address',
  benchmarking: 'a benchmarking address',
  teredo: 'a Teredo tunnel address',
};

export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

const embeddedIPv4 = (address: ipaddr.IPv6): ipaddr.IPv4 | null => {
  const range = address.range();
  if (range === 'ipv4Mapped') return address.toIPv4Address();
  const bytes = address.toByteArray();
  // The deprecated IPv4-compatible form `::a.b.c.d` (ipaddr.js calls it unicast).
  if (range === 'unicast' && bytes.slice(0, 12).every((byte) => byte === 0)) {
    return new ipaddr.IPv4(bytes.slice(12, 16));
  }
  if (range === 'rfc6052' || range === 'rfc6145') return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
};

/** Parses the config's entries: CIDRs and addresses become ranges, anything else a host name. */
export const parseAllowList = (entries: readonly string[]): AllowList => {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1');
    if (!entry) continue;
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new Error(`"${raw}" is not a valid CIDR range`);
      ranges.push(ipaddr.parseCIDR(entry));
    } else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else {
      hosts.add(entry.replace(/\.$/, ''));
    }
  }
  return { hosts, ranges };
};

const inAllowedRange = (address: ipaddr.IPv4 | ipaddr.IPv6, allow: AllowList) =>
  allow.ranges.some(([range, bits]) => {
    const candidate =
      address.kind() !== range.kind() && address.kind() === 'ipv6'
        ? embeddedIPv4(address as ipaddr.IPv6)
        : address;
    return candidate?.kind() === range.kind() && candidate.match(range, bits);
  });

/** Whether a connection to this address may be opened, and if not, which rule says no. */
export const addressVerdict = (ip: string, allow: AllowList): AddressVerdict => {
  if (!ipaddr.isValid(ip)) return { allowed: false, reason: `"${ip}" is not an IP address` };
  const parsed = ipaddr.parse(ip);
  if (inAllowedRange(parsed, allow)) return { allowed: true };
  const inner = parsed.kind() === 'ipv6' ? embeddedIPv4(parsed as ipaddr.IPv6) : null;
  const judged = inner ?? parsed;
  const shown = judged.toString();
  if (METADATA.has(shown) || METADATA.has(parsed.toString())) {
    return { allowed: false, reason: `${shown} is a cloud metadata address` };
  }
  const range = judged.range();
  if (range === 'unicast') return { allowed: true };
  const name = RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
  return {
    allowed: false,
    reason: `${shown}${inner ? ` (inside ${parsed.toString()})` : ''} is ${name}`,
  };
};

/** Whether the config opens this host name whatever it resolves to. */
export const hostAllowed = (hostname: string, allow: AllowList) =>
  allow.hosts.has(hostname.toLowerCase().replace(/\.$/, ''));
