// Where webhook calls may go (issue 12): only to public unicast addresses, unless the operator's
// allow-list (WEBHOOKS_ALLOW_HOSTS, README) names the host or the address. The address classes are
// ipaddr.js's (the IANA special-purpose registries), not ranges written here. The same judgement runs
// at registration (early, clear feedback) and at every connection, through the `lookup` handed to the
// HTTP request: the address connected to is the address judged, so a name re-pointed at an internal
// address after registration (DNS rebinding) is refused without connecting.
import { type LookupAddress, type LookupOptions, lookup as systemLookup } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** A name's addresses; tests inject their own (no DNS, no traffic). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    systemLookup(hostname, { all: true }, (err, addresses) =>
      err
        ? reject(err)
        : resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))),
    ),
  );

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface AllowList {
  /** Host names trusted as they resolve (lower case). */
  hosts: ReadonlySet<string>;
  cidrs: readonly Cidr[];
}

export const EMPTY_ALLOW_LIST: AllowList = { hosts: new Set(), cidrs: [] };

/** WEBHOOKS_ALLOW_HOSTS: host names, addresses and CIDR blocks, separated by commas or spaces. */
export function parseAllowList(raw: string | undefined): { allow: AllowList; problems: string[] } {
  const hosts = new Set<string>();
  const cidrs: Cidr[] = [];
  const problems: string[] = [];
  for (const entry of (raw ?? "").split(/[\s,]+/).filter(Boolean)) {
    const bare = entry.replace(/^\[(.*)\]$/, "$1");
    if (ipaddr.isValidCIDR(bare)) cidrs.push(ipaddr.parseCIDR(bare));
    else if (ipaddr.isValid(bare)) {
      const ip = ipaddr.parse(bare);
      cidrs.push([ip, ip.kind() === "ipv4" ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(entry))
      hosts.add(entry.toLowerCase());
    else problems.push(`WEBHOOKS_ALLOW_HOSTS: "${entry}" is not a host name, an address or a CIDR block`);
  }
  return { allow: { hosts, cidrs }, problems };
}

export type Verdict = { ok: true } | { ok: false; reason: string };

// The deprecated IPv4-compatible form (::a.b.c.d, RFC 4291 2.5.5.1) that ipaddr.js files under
// plain unicast; nothing legitimate uses it, and it can smuggle an internal IPv4 address.
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

const DESCRIPTIONS: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  uniqueLocal: "a private (unique local) address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  unspecified: "the unspecified address",
  broadcast: "the broadcast address",
  reserved: "a reserved address",
};

function allowedByList(ip: ipaddr.IPv4 | ipaddr.IPv6, allow: AllowList): boolean {
  return allow.cidrs.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
}

/** What is wrong with connecting to `address` (an IP literal), or null when a webhook may. */
function refusalOf(address: string, allow: AllowList): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const raw = ipaddr.parse(address);
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) reaches the IPv4 address: judged as that address.
  const ip = ipaddr.process(address);
  if (allowedByList(ip, allow) || allowedByList(raw, allow)) return null;
  const range = ip.range();
  if (range === "unicast")
    return ip.kind() === "ipv6" && ip.match(IPV4_COMPATIBLE) ? "an IPv4-compatible IPv6 address" : null;
  const mapped = raw.kind() === "ipv6" && ip.kind() === "ipv4" ? " (IPv4-mapped)" : "";
  return `${DESCRIPTIONS[range] ?? `a special-purpose address (${range})`}${mapped}`;
}

/** Whether a webhook may connect to `address` (an IP literal, v4 or v6). */
export function judgeAddress(address: string, allow: AllowList = EMPTY_ALLOW_LIST): Verdict {
  const why = refusalOf(address, allow);
  return why === null ? { ok: true } : { ok: false, reason: `${address} is ${why}` };
}

/** A connection the egress policy refused: no socket was opened. */
export class EgressRefusedError extends Error {
  readonly code = "EGRESS_REFUSED";
  constructor(readonly reason: string) {
    super(reason);
    this.name = "EgressRefusedError";
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export class WebhookEgress {
  constructor(
    readonly allow: AllowList = EMPTY_ALLOW_LIST,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  /** The URL's host without IPv6 brackets; WHATWG URL has already normalised IPv4 spellings. */
  private hostOf(url: URL): string {
    return url.hostname.replace(/^\[(.*)\]$/, "$1");
  }

  private async judgeHost(host: string): Promise<Verdict & { addresses?: ResolvedAddress[] }> {
    if (isIP(host)) return judgeAddress(host, this.allow);
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolve(host);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      return {
        ok: false,
        reason: `${host} does not resolve (${typeof code === "string" ? code : "no address"})`,
      };
    }
    if (addresses.length === 0) return { ok: false, reason: `${host} does not resolve (no address)` };
    if (this.allow.hosts.has(host.toLowerCase())) return { ok: true, addresses };
    // Every address must pass: the connection may pick any of them.
    for (const a of addresses) {
      const why = refusalOf(a.address, this.allow);
      if (why !== null) return { ok: false, reason: `${host} resolves to ${a.address}, ${why}` };
    }
    return { ok: true, addresses };
  }

  /** At registration: the URL's host, as it resolves now. */
  async check(url: URL): Promise<Verdict> {
    const v = await this.judgeHost(this.hostOf(url));
    return v.ok ? { ok: true } : { ok: false, reason: v.reason };
  }

  /** At connection, for a literal address (net.connect skips `lookup` for those). */
  checkLiteral(url: URL): Verdict {
    const host = this.hostOf(url);
    return isIP(host) ? judgeAddress(host, this.allow) : { ok: true };
  }

  /** The `lookup` for http.request: resolves, judges, and hands over only judged addresses. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    this.judgeHost(hostname).then(
      (v) => {
        if (!v.ok) return callback(new EgressRefusedError(v.reason), "");
        const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : options.family;
        const addresses = (v.addresses ?? []).filter((a) => !family || family === a.family);
        const first = addresses[0];
        if (!first) return callback(new EgressRefusedError(`${hostname} has no usable address`), "");
        if (options.all) return callback(null, addresses);
        callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ""),
    );
  };
}
