// Which proxies may tell us the client's address (X-Forwarded-For). "true" would trust every hop,
// so a client could write its own address into the header and escape the rate limits: only a hop
// count or a list of proxy addresses is accepted.
import net from "node:net";

/** false: use the socket's address; a number: that many proxies in front; a list: these proxies. */
export type TrustProxy = false | number | string[];

const NAMED = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrSubnet(value: string): boolean {
  if (NAMED.has(value)) return true;
  const [address, prefix, ...rest] = value.split("/");
  if (rest.length > 0 || !address || net.isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const max = net.isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
}

export function parseTrustProxy(raw: string | undefined): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "false" || value === "0") return { ok: true, value: false };
  if (value === "true") {
    return {
      ok: false,
      message:
        '"true" would let any client choose its own IP address; set the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.1,10.0.0.2 or loopback).',
    };
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 10 ? { ok: true, value: hops } : { ok: false, message: `${hops} proxies in a row is not plausible; use 1 to 10, or a list of addresses.` };
  }
  const list = value.split(",").map((s) => s.trim());
  const bad = list.find((s) => !isAddressOrSubnet(s));
  if (bad !== undefined) return { ok: false, message: `"${bad}" is not an IP address, a subnet (a.b.c.d/nn) or loopback/linklocal/uniquelocal.` };
  return { ok: true, value: list };
}
