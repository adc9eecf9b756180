import type { TurnContext } from "botbuilder";
import type { Logger } from "../../../bot/index.js";

/** Per-request facts the bot needs inside a turn. */
interface RequestScope {
  requestId: string;
  /** Child logger with requestId, channel, user and conversation. */
  logger: Logger;
  /** Where this server is reachable from the user's client, for links it serves. */
  baseUrl: string;
}

const KEY = Symbol("teams.requestScope");

export function setRequestScope(context: TurnContext, scope: RequestScope): void {
  context.turnState.set(KEY, scope);
}

export function requestScope(context: TurnContext): RequestScope {
  const scope = context.turnState.get(KEY) as RequestScope | undefined;
  if (!scope) throw new Error("Teams turn without a request scope");
  return scope;
}
