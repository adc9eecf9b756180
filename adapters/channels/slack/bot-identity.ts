import type { Logger } from "../../../bot/index.js";
import type { WebClient } from "./web-client.js";

interface BotIdentity {
  botUserId?: string;
  botId?: string;
}

/**
 * Who the bot is, learned with auth.test when first needed and never at start-up: Bolt's
 * own start-up auth.test crashes the process when Slack is unreachable (STACK-NOTES). A
 * failure is logged and tried again after `retryMs`; meanwhile the identity found in event
 * payloads (`authorizations[0].user_id`) is used.
 */
export function createBotIdentity(client: WebClient, logger: Logger, retryMs = 60_000) {
  let known: BotIdentity = {};
  let pending: Promise<void> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;

  function refresh(): Promise<void> {
    pending ??= client.auth
      .test()
      .then((result) => {
        known = { ...(result.user_id ? { botUserId: result.user_id } : {}), ...(result.bot_id ? { botId: result.bot_id } : {}) };
        logger.info({ botUserId: known.botUserId, botId: known.botId, team: result.team_id }, "slack bot identity learned");
      })
      .catch((error: unknown) => {
        failedAt = Date.now();
        logger.warn({ error: errorSummary(error), retryInMs: retryMs }, "slack auth.test failed; will retry");
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  return {
    /** The identity known now; starts a background auth.test when unknown (at most once per retryMs). */
    current(): BotIdentity {
      if (!known.botUserId && !pending && Date.now() - failedAt >= retryMs) void refresh();
      return known;
    },
    /** Takes the bot user id from an event payload when auth.test has not answered yet. */
    learn(botUserId: string | undefined): void {
      if (botUserId && !known.botUserId) known = { ...known, botUserId };
    },
    refresh,
  };
}

export type BotIdentitySource = ReturnType<typeof createBotIdentity>;

/** An error as log fields: Web API error codes, never request bodies. */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const data = (error as { data?: { error?: string; response_metadata?: { messages?: string[] } } }).data;
  return {
    name: error.name,
    message: error.message,
    ...("code" in error ? { code: (error as { code: unknown }).code } : {}),
    ...(data?.error ? { slackError: data.error } : {}),
    ...(data?.response_metadata?.messages ? { slackMessages: data.response_metadata.messages.slice(0, 5) } : {}),
  };
}
