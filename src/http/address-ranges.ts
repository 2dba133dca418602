import { isIPv4, isIPv6 } from 'node:net';

/** Why an address may not be fetched for an untrusted source; undefined for a public address. */
export type BlockedKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'broadcast'
  | 'unique-local'
  | 'reserved';

type Range4 = readonly [base: string, bits: number, kind: BlockedKind];

/** IPv4 ranges that are not the public internet (RFC 6890 special-purpose registry, abridged). */
const V4_RANGES: readonly Range4[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

function v4ToNumber(address: string): number {
  return address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

const V4_TABLE = V4_RANGES.map(([base, bits, kind]) => ({
  base: v4ToNumber(base),
  size: 2 ** (32 - bits),
  kind,
}));

function classifyV4Number(value: number): BlockedKind | undefined {
  for (const range of V4_TABLE) {
    if (value >= range.base && value < range.base + range.size) return range.kind;
  }
  return undefined;
}

/** Eight 16-bit groups of an IPv6 address (dotted IPv4 tails and `::` expanded); undefined when malformed. */
export function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    if (!isIPv4(tail[1])) return undefined;
    const n = v4ToNumber(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const values = groups.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? Number.parseInt(g, 16) : Number.NaN));
  return values.some(Number.isNaN) ? undefined : values;
}

function startsWith(groups: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i * 16 < bits; i += 1) {
    const take = Math.min(16, bits - i * 16);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if (((groups[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

const embeddedV4 = (high: number, low: number) => high * 65536 + low;

function classifyV6(groups: readonly number[]): BlockedKind | undefined {
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const zerosUpTo = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (zerosUpTo(8)) return 'unspecified';
  if (zerosUpTo(7) && g7 === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated) and 64:ff9b::a.b.c.d (NAT64) reach IPv4 hosts.
  if (zerosUpTo(5) && g5 === 0xffff) return classifyV4Number(embeddedV4(g6, g7));
  if (zerosUpTo(6)) return classifyV4Number(embeddedV4(g6, g7)) ?? 'reserved';
  if (startsWith(groups, [0x64, 0xff9b], 96)) return classifyV4Number(embeddedV4(g6, g7));
  // 6to4 carries the IPv4 address in bits 16–47.
  if (g0 === 0x2002) return classifyV4Number(embeddedV4(groups[1] ?? 0, groups[2] ?? 0));
  if (startsWith(groups, [0xfc00], 7)) return 'unique-local';
  if (startsWith(groups, [0xfe80], 10)) return 'link-local';
  if (startsWith(groups, [0xfec0], 10)) return 'private';
  if (startsWith(groups, [0xff00], 8)) return 'multicast';
  if (startsWith(groups, [0x2001, 0x0db8], 32)) return 'reserved';
  if (startsWith(groups, [0x0100, 0, 0, 0], 64)) return 'reserved';
  return undefined;
}

/**
 * Classifies an IP address (IPv4, IPv6, IPv4-mapped IPv6): the kind of non-public range it is in, or
 * undefined when it is a public internet address. Anything that is not an IP address is 'reserved', so a
 * caller that passes garbage never gets a pass.
 */
export function classifyAddress(address: string): BlockedKind | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return classifyV4Number(v4ToNumber(bare));
  if (!isIPv6(bare)) return 'reserved';
  const groups = ipv6Groups(bare);
  return groups ? classifyV6(groups) : 'reserved';
}
