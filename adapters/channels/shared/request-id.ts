import { randomBytes } from "node:crypto";

const PREFIX = { slack: "sl", teams: "tm", cli: "cli" } as const;

type RequestChannel = keyof typeof PREFIX;

/**
 * The id a user quotes to an admin and that finds the request in the log, in one format for
 * every channel: the channel's prefix and 8 hex digits (sl-3f9c1a7b, tm-…, cli-…).
 */
export function newRequestId(channel: RequestChannel): string {
  return `${PREFIX[channel]}-${randomBytes(4).toString("hex")}`;
}
