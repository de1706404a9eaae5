// Where a shop's own SMTP server may be: a public address on a mail port. The merchant types the
// server, so without this rule the app would connect wherever they point it — its own database,
// the cloud's metadata service, anything on the private network — and answer like a port scanner.
// Checked on the address the name resolves to, just before connecting to exactly that address.
import net from "node:net";

/** The ports mail is submitted or relayed on: SMTP, SMTPS, submission, and the common alternative. */
export const MAIL_PORTS = [25, 465, 587, 2525] as const;

// Every range that is not the public internet (IANA special-purpose registries): loopback, private,
// shared (carrier NAT), link-local (cloud metadata at 169.254.169.254), documentation, benchmarking,
// multicast, reserved, and the IPv6 forms that carry an IPv4 address inside (NAT64, 6to4, Teredo).
const NOT_PUBLIC_V4 = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
];
const NOT_PUBLIC_V6 = [
  "::/96",
  "64:ff9b::/96",
  "64:ff9b:1::/48",
  "100::/64",
  "2001::/23",
  "2001:db8::/32",
  "2002::/16",
  "fc00::/7",
  "fe80::/10",
  "fec0::/10",
  "ff00::/8",
];

function blockList(cidrs: string[]): net.BlockList {
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const [address, prefix] = cidr.split("/");
    const type = net.isIPv6(address) ? "ipv6" : "ipv4";
    list.addSubnet(address, Number(prefix ?? (type === "ipv6" ? 128 : 32)), type);
  }
  return list;
}

const notPublic = blockList([...NOT_PUBLIC_V4, ...NOT_PUBLIC_V6]);

/** ::ffff:10.0.0.1 is 10.0.0.1: an IPv4 address written as IPv6 is judged as IPv4. */
export function canonicalAddress(address: string): { address: string; type: "ipv4" | "ipv6" } | null {
  const mapped = address.match(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i)?.[1];
  if (mapped && net.isIPv4(mapped)) return { address: mapped, type: "ipv4" };
  const hex = address.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i);
  if (hex) {
    const n = (parseInt(hex[1], 16) << 16) + parseInt(hex[2], 16);
    return { address: [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."), type: "ipv4" };
  }
  const type = net.isIP(address);
  return type === 4 ? { address, type: "ipv4" } : type === 6 ? { address, type: "ipv6" } : null;
}

export function isPublicAddress(address: string): boolean {
  const canonical = canonicalAddress(address);
  return canonical !== null && !notPublic.check(canonical.address, canonical.type);
}

/** Networks a development setup allows besides the public internet ("127.0.0.0/8, ::1"). */
export type AllowedNetworks = { check(address: string): boolean; text: string };

export function parseNetworks(text: string): AllowedNetworks {
  const cidrs = text
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  for (const cidr of cidrs) {
    const [address, prefix, extra] = cidr.split("/");
    const max = net.isIPv6(address) ? 128 : net.isIPv4(address) ? 32 : 0;
    if (
      !max ||
      extra !== undefined ||
      (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= max))
    ) {
      throw new Error(
        `must list networks such as 127.0.0.0/8 or ::1/128, comma-separated (“${cidr}” is not one)`,
      );
    }
  }
  const list = blockList(cidrs);
  return {
    text: cidrs.join(", "),
    check(address) {
      const canonical = canonicalAddress(address);
      return canonical !== null && list.check(canonical.address, canonical.type);
    },
  };
}

export const NO_PRIVATE_NETWORKS: AllowedNetworks = { text: "", check: () => false };

/** Why the app will not connect to `address`:`port`, in the merchant's words; null: it may. */
export function addressProblem(address: string, port: number, allowed: AllowedNetworks): string | null {
  if (allowed.check(address)) return null; // development: a local mail catcher, on its own port
  if (!isPublicAddress(address))
    return "it is a private or reserved address, which the app does not connect to: use your mail provider's public server";
  if (!(MAIL_PORTS as readonly number[]).includes(port))
    return `port ${port} is not a mail port: use 465 (SSL/TLS), 587 (STARTTLS), 25 or 2525`;
  return null;
}

/** What can be told of a server before connecting (at save): an address typed as such is judged at
 *  once; a name on a port mail is not sent to, or one that cannot be public (no dot: "localhost",
 *  "mailhog"), is refused. Where a name points is checked when the app connects. */
export function serverProblemBeforeConnecting(
  host: string,
  port: number,
  allowed: AllowedNetworks,
): string | null {
  if (canonicalAddress(host)) {
    const problem = addressProblem(host, port, allowed);
    return problem ? `${host}: ${problem}.` : null;
  }
  if (allowed.text) return null; // development: the name may point into an allowed network, on any port
  if (!host.includes("."))
    return `${host} is not a public server's name: use your mail provider's, such as smtp.example.com.`;
  if (!(MAIL_PORTS as readonly number[]).includes(port))
    return `Port ${port} is not a mail port: use 465 (SSL/TLS), 587 (STARTTLS), 25 or 2525.`;
  return null;
}
