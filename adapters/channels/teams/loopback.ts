import { isIP } from "node:net";

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms: a peer on this machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^\[|\]$/g, "").replace(/^::ffff:/i, "");
  if (plain === "::1") return true;
  return isIP(plain) === 4 && plain.startsWith("127.");
}

/** True when a URL points at this machine (localhost, 127.x, [::1]), the only replies emulator mode may send. */
export function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== "http:" && protocol !== "https:") return false;
    return hostname === "localhost" || isLoopbackAddress(hostname);
  } catch {
    return false;
  }
}

/** The same service URL written two ways (case of the host, trailing slash) compares equal. */
export function sameServiceUrl(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.origin === y.origin && x.pathname.replace(/\/+$/, "") === y.pathname.replace(/\/+$/, "");
  } catch {
    return false;
  }
}
