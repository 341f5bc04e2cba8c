import { isIP } from 'node:net';

/**
 * Turns a list of `host:port` addresses into one grpc-js target.
 * One address is used as given (DNS resolution, so a name with several A records still balances).
 * Several addresses must be IP literals: grpc-js resolves `ipv4:a,b` / `ipv6:[a],[b]` itself, and the
 * channel then spreads calls over them with `round_robin`.
 */
export function toTarget(addresses: readonly string[]): string {
  const list = addresses.map((a) => a.trim()).filter(Boolean);
  if (list.length === 0) throw new TypeError('at least one address is required');
  if (list.length === 1) return list[0];
  const hosts = list.map(splitHostPort);
  if (hosts.every((h) => isIP(h.host) === 4)) return `ipv4:${list.join(',')}`;
  if (hosts.every((h) => isIP(h.host) === 6)) {
    return `ipv6:${hosts.map((h) => `[${h.host}]:${h.port}`).join(',')}`;
  }
  throw new TypeError('several addresses must all be IPv4 or all IPv6 literals with ports');
}

/** Channel options that make a channel spread calls over every address it resolves. */
export const ROUND_ROBIN_CHANNEL_OPTIONS = Object.freeze({
  'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
});

export function splitHostPort(address: string): { host: string; port: number } {
  const m = /^\[?([^\]]*?)\]?:(\d{1,5})$/.exec(address.trim());
  if (!m) throw new TypeError(`not a host:port address: ${address}`);
  const port = Number(m[2]);
  if (port > 65535) throw new TypeError(`port out of range: ${address}`);
  return { host: m[1], port };
}
