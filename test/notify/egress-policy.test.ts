// The webhook egress policy as a unit (issue 12): which addresses a webhook may connect to, over a
// table with an address from every special-purpose range, and the `lookup` the sender hands to the
// HTTP request. Judged only: nothing here opens a socket or asks a DNS server.
import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import {
  judgeAddress,
  parseAllowList,
  type Resolver,
  WebhookEgress,
} from "../../src/server/notify/egress.ts";

const REFUSED: [string, RegExp][] = [
  ["127.0.0.1", /loopback/],
  ["127.255.255.254", /loopback/],
  ["10.0.0.1", /private/],
  ["10.255.255.255", /private/],
  ["172.16.0.1", /private/],
  ["172.31.255.254", /private/],
  ["192.168.1.1", /private/],
  ["169.254.169.254", /link-local/],
  ["100.64.0.1", /carrier-grade NAT/],
  ["100.127.255.254", /carrier-grade NAT/],
  ["224.0.0.1", /multicast/],
  ["239.255.255.250", /multicast/],
  ["0.0.0.0", /unspecified/],
  ["0.1.2.3", /unspecified/],
  ["255.255.255.255", /broadcast/],
  ["192.0.2.1", /reserved/],
  ["198.51.100.7", /reserved/],
  ["203.0.113.9", /reserved/],
  ["198.18.0.1", /reserved/],
  ["240.0.0.1", /reserved/],
  ["::", /unspecified/],
  ["::1", /loopback/],
  ["fe80::1", /link-local/],
  ["febf:ffff::1", /link-local/],
  ["fc00::1", /private \(unique local\)/],
  ["fd12:3456:789a::1", /private \(unique local\)/],
  ["ff02::1", /multicast/],
  ["2001:db8::1", /reserved/],
  // IPv4-mapped forms are judged as the IPv4 address they reach.
  ["::ffff:127.0.0.1", /loopback address \(IPv4-mapped\)/],
  ["::ffff:7f00:1", /loopback address \(IPv4-mapped\)/],
  ["::ffff:10.0.0.1", /private address \(IPv4-mapped\)/],
  ["::ffff:169.254.169.254", /link-local address \(IPv4-mapped\)/],
  ["::ffff:100.64.0.1", /carrier-grade NAT address \(IPv4-mapped\)/],
  ["::ffff:0.0.0.0", /unspecified address \(IPv4-mapped\)/],
  // The deprecated IPv4-compatible form, which ipaddr.js counts as unicast.
  ["::7f00:1", /IPv4-compatible/],
  ["::a00:1", /IPv4-compatible/],
  ["::808:808", /IPv4-compatible/],
  // ipaddr.js reads the dotted spelling ::a.b.c.d as IPv4-mapped: refused all the same.
  ["::127.0.0.1", /loopback address \(IPv4-mapped\)/],
  // Translation and tunnelling prefixes that embed an IPv4 address (NAT64, 6to4, Teredo).
  ["64:ff9b::a00:1", /special-purpose address \(rfc6052\)/],
  ["64:ff9b::7f00:1", /special-purpose address \(rfc6052\)/],
  ["2002:a00:1::1", /special-purpose address \(6to4\)/],
  ["2001::1", /special-purpose address \(teredo\)/],
  ["not-an-address", /not an IP address/],
];

const PUBLIC = [
  "93.184.216.34",
  "8.8.8.8",
  "1.1.1.1",
  "172.32.0.1",
  "100.128.0.1",
  "2606:4700::1111",
  "::ffff:8.8.8.8",
];

describe("the webhook egress policy", () => {
  it.each(REFUSED)("refuses %s", (address, why) => {
    const v = judgeAddress(address);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(why);
  });

  it.each(PUBLIC)("allows the public address %s", (address) => {
    expect(judgeAddress(address)).toEqual({ ok: true });
  });

  it("lets the operator's allow-list open addresses, blocks and host names", () => {
    const { allow, problems } = parseAllowList("127.0.0.1, 10.1.0.0/16 [::1] fd00::/8 erp.internal");
    expect(problems).toEqual([]);
    for (const a of ["127.0.0.1", "::ffff:127.0.0.1", "10.1.2.3", "::1", "fd00::5"])
      expect(judgeAddress(a, allow), a).toEqual({ ok: true });
    for (const a of ["127.0.0.2", "10.2.0.1", "fe80::1", "169.254.169.254"])
      expect(judgeAddress(a, allow).ok, a).toBe(false);
    expect([...allow.hosts]).toEqual(["erp.internal"]);
    expect(parseAllowList("10.0.0.0/33, http://x, ok.example").problems).toEqual([
      'WEBHOOKS_ALLOW_HOSTS: "10.0.0.0/33" is not a host name, an address or a CIDR block',
      'WEBHOOKS_ALLOW_HOSTS: "http://x" is not a host name, an address or a CIDR block',
    ]);
  });

  describe("with names", () => {
    const table: Record<string, string[]> = {
      "public.test": ["93.184.216.34"],
      "loop.test": ["127.0.0.1"],
      "mixed.test": ["93.184.216.34", "10.0.0.1"],
      "v6.test": ["2606:4700::1111", "93.184.216.34"],
      "erp.internal": ["10.9.9.9"],
    };
    const resolver: Resolver = async (host) => {
      const found = table[host];
      if (!found) throw Object.assign(new Error(`no ${host}`), { code: "ENOTFOUND" });
      return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    };
    const egress = new WebhookEgress(parseAllowList("erp.internal").allow, resolver);
    const lookup = (host: string, options: { all?: boolean; family?: number }) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>(
        (resolve) =>
          egress.lookup(host, options, (err, address, family) => resolve({ err, address, family })),
      );

    it("checks every address a name resolves to at registration", async () => {
      expect(await egress.check(new URL("https://public.test/hook"))).toEqual({ ok: true });
      expect(await egress.check(new URL("https://loop.test/hook"))).toEqual({
        ok: false,
        reason: "loop.test resolves to 127.0.0.1, a loopback address",
      });
      expect(await egress.check(new URL("https://mixed.test/hook"))).toEqual({
        ok: false,
        reason: "mixed.test resolves to 10.0.0.1, a private address",
      });
      expect(await egress.check(new URL("https://nowhere.test/hook"))).toEqual({
        ok: false,
        reason: "nowhere.test does not resolve (ENOTFOUND)",
      });
      // A host the operator named is trusted as it resolves.
      expect(await egress.check(new URL("https://erp.internal/hook"))).toEqual({ ok: true });
      // Literals, in every spelling WHATWG URL normalises.
      for (const url of [
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0x7f.1/",
        "http://2130706433/",
      ])
        expect((await egress.check(new URL(url))).ok, url).toBe(false);
    });

    it("hands the connection only addresses it judged, and refuses the rest with no address", async () => {
      expect(await lookup("public.test", {})).toEqual({ err: null, address: "93.184.216.34", family: 4 });
      expect(await lookup("v6.test", { all: true })).toEqual({
        err: null,
        address: [
          { address: "2606:4700::1111", family: 6 },
          { address: "93.184.216.34", family: 4 },
        ],
        family: undefined,
      });
      expect(await lookup("v6.test", { family: 4 })).toEqual({
        err: null,
        address: "93.184.216.34",
        family: 4,
      });
      const refused = await lookup("loop.test", { all: true });
      expect(refused.err?.name).toBe("EgressRefusedError");
      expect(refused.err?.message).toBe("loop.test resolves to 127.0.0.1, a loopback address");
      expect(refused.address).toBe("");
      expect((await lookup("nowhere.test", {})).err?.message).toBe(
        "nowhere.test does not resolve (ENOTFOUND)",
      );
    });

    it("judges literal hosts before connecting (net.connect skips lookup for them)", () => {
      expect(egress.checkLiteral(new URL("http://[::ffff:a00:1]:8080/")).ok).toBe(false);
      expect(egress.checkLiteral(new URL("http://169.254.169.254/latest/meta-data")).ok).toBe(false);
      expect(egress.checkLiteral(new URL("http://93.184.216.34/")).ok).toBe(true);
      // Names are judged by the lookup, at connection.
      expect(egress.checkLiteral(new URL("http://loop.test/")).ok).toBe(true);
    });
  });
});
