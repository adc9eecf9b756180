import type { Logger } from "../../../bot/index.js";
import type { Block } from "./blocks/mrkdwn.js";
import { errorSummary } from "./bot-identity.js";
import type { Destination, Place } from "./places.js";
import type { WebClient } from "./web-client.js";

interface OutgoingMessage {
  text: string;
  blocks?: Block[];
}

/** Errors after which the same message without blocks is worth sending (the text fallback). */
const BLOCK_ERRORS = new Set(["invalid_blocks", "invalid_blocks_format", "msg_too_long", "invalid_arguments"]);

function slackError(error: unknown): string | undefined {
  return (error as { data?: { error?: string } }).data?.error;
}

/**
 * Posts, updates and shows messages through the Web API. A message Slack rejects for its
 * blocks is sent again as plain text, so a rendering bug degrades the reply instead of
 * silencing it.
 */
export function createPoster(client: WebClient, logger: Logger) {
  async function withTextFallback<T>(message: OutgoingMessage, send: (m: OutgoingMessage) => Promise<T>): Promise<T> {
    try {
      return await send(message);
    } catch (error) {
      if (!message.blocks || !BLOCK_ERRORS.has(slackError(error) ?? "")) throw error;
      logger.warn({ error: errorSummary(error) }, "slack rejected the blocks; sending the text fallback");
      return send({ text: message.text });
    }
  }

  async function post(place: Place, message: OutgoingMessage): Promise<string | undefined> {
    const result = await withTextFallback(message, (m) =>
      client.chat.postMessage({
        channel: place.channel,
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
        text: m.text,
        ...(m.blocks ? { blocks: m.blocks } : {}),
      }),
    );
    return result.ts;
  }

  async function update(channel: string, ts: string, message: OutgoingMessage): Promise<void> {
    await withTextFallback(message, (m) => client.chat.update({ channel, ts, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) }));
  }

  async function ephemeral(destination: Extract<Destination, { kind: "ephemeral" }>, message: OutgoingMessage): Promise<void> {
    if (destination.responseUrl) {
      await postToResponseUrl(destination.responseUrl, {
        response_type: "ephemeral",
        replace_original: false,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      });
      return;
    }
    await withTextFallback(message, (m) =>
      client.chat.postEphemeral({
        channel: destination.channel,
        user: destination.user,
        ...(destination.threadTs ? { thread_ts: destination.threadTs } : {}),
        text: m.text,
        ...(m.blocks ? { blocks: m.blocks } : {}),
      }),
    );
  }

  /** Sends a message to a destination; returns the ts of a posted (not ephemeral) message. */
  async function send(destination: Destination, message: OutgoingMessage): Promise<string | undefined> {
    if (destination.kind === "post") return post(destination.place, message);
    await ephemeral(destination, message);
    return undefined;
  }

  return { post, update, ephemeral, send };
}

export type Poster = ReturnType<typeof createPoster>;

/**
 * A command's or action's response_url (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses):
 * valid for 30 minutes, works in channels the bot is not a member of.
 */
async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
}
