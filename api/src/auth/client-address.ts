// The address a request comes from, for the limits of auth/attempt-limits.ts. It is the TCP
// peer of node's server; behind reverse proxies (TRUST_PROXY = how many of them), the entry
// that many places from the right of X-Forwarded-For, the one our nearest proxy appended.
// Entries further left are written by the client and prove nothing.
import { isIPv6 } from 'node:net';
import { config } from '../config.ts';

/** What yoga's node adapter passes as server context: node's request (absent for `yoga.fetch` without one). */
export interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string | undefined } };
}

/**
 * The client's address, or null when there is none (a test or script calling `yoga.fetch`).
 * IPv6 addresses are reduced to their /64 network: one host usually holds a whole /64, so each
 * of its addresses must not count as a new client.
 */
export function clientAddressOf(request: Request, server: NodeServerContext, proxies = config.trustProxy): string | null {
  let address = server.req?.socket?.remoteAddress ?? null;
  if (proxies > 0) {
    const forwarded = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    address = forwarded[forwarded.length - proxies] ?? address;
  }
  return address ? normalizeAddress(address) : null;
}

function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address.slice(0, 64);
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}
