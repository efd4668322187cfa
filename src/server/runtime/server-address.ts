/**
 * The console's address as a person types it: the URL for a host and port (IPv6 in brackets), the
 * sign-in link that carries a token in its fragment (which browsers never send to a server), and whether
 * a host is loopback, since anything else sends tokens in clear over plain HTTP.
 */
import { isIP } from "node:net";

export function consoleUrl(hostname: string, port: number): string {
  const host = isIP(hostname) === 6 ? `[${hostname}]` : hostname;
  return `http://${host}:${port}`;
}

/** The link that signs a browser in: the dashboard takes the token from `#token=` and forgets the link. */
export function signInLink(url: string, secret: string): string {
  return `${url}/#token=${encodeURIComponent(secret)}`;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  // An IPv4 address in IPv6 form (::ffff:127.0.0.1).
  return /^::ffff:127\./.test(host);
}
