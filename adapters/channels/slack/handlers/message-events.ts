import type { App } from "@slack/bolt";
import { detectLang } from "../../../../knowledge/index.js";
import { messageIds } from "../../shared/message-ids.js";
import { newRequestId } from "../../shared/request-id.js";
import type { SlackHandlerDeps } from "../handler-deps.js";
import { EventEnvelopeSchema, MessageEventSchema } from "../payload-schema.js";
import { incomingText, MAX_TEXT_CHARS } from "../payload-to-turn.js";
import { conversationIdOf, type Place } from "../places.js";
import { runTurn } from "../run-turn.js";
import { slackTexts } from "../texts.js";

/** Message subtypes that still carry a user's words (https://docs.slack.dev/reference/events/message). */
const USER_SUBTYPES = new Set(["file_share", "thread_broadcast"]);

/**
 * app_mention in channels (answered in the thread of the question) and message.im (direct
 * messages). Bolt acknowledges events before listeners run; the turn is queued.
 */
export function registerMessageEvents(app: App, rt: SlackHandlerDeps): void {
  app.event("app_mention", async ({ body }) => onMessage(rt, body));
  app.event("message", async ({ body }) => onMessage(rt, body));
}

function onMessage(rt: SlackHandlerDeps, body: unknown): void {
  const envelope = EventEnvelopeSchema.safeParse(body);
  const parsed = envelope.success ? MessageEventSchema.safeParse(envelope.data.event) : undefined;
  if (!envelope.success || !parsed?.success) {
    rt.logger.warn(
      { issues: (parsed?.error ?? (envelope.success ? undefined : envelope.error))?.issues.slice(0, 3) },
      "slack message event of unexpected shape ignored",
    );
    return;
  }
  const event = parsed.data;
  const { team_id: teamId, event_id: eventId } = envelope.data;
  // Our own posts and edits arrive as message.im events too.
  if (event.type === "message" && (event.channel_type !== "im" || event.bot_id || (event.subtype && !USER_SUBTYPES.has(event.subtype)))) return;
  rt.identity.learn(envelope.data.authorizations?.find((a) => a.is_bot !== false)?.user_id);
  const botUserId = rt.identity.current().botUserId;
  if (!event.user || event.user === botUserId) return;
  if (event.type === "message") rt.dms.remember(event.user, event.channel);

  // A mention is answered in the thread of the question; a DM inline (or in its thread).
  const place: Place =
    event.type === "app_mention"
      ? { channel: event.channel, threadTs: event.thread_ts ?? event.ts }
      : { channel: event.channel, ...(event.thread_ts ? { threadTs: event.thread_ts } : {}) };
  const { text, cut } = incomingText(event.text, { botUserId, mention: event.type === "app_mention" });
  const lang = detectLang(text);
  const requestId = newRequestId("slack");
  const conversationId = conversationIdOf(place);
  // The same user message has one client_msg_id across event types and retries; event_id otherwise.
  const messageId = messageIds.typed(event.client_msg_id, eventId);
  rt.logger.info({ requestId, event: event.type, user: event.user, conversation: conversationId, chars: text.length, cut }, "slack message received");
  rt.queue.push(() =>
    runTurn(rt, {
      requestId,
      lang,
      turn: { userId: event.user ?? "", ...(teamId ? { teamId } : {}), conversationId, messageId, text },
      destination: { kind: "post", place },
      conversationId,
      userId: event.user ?? "",
      ...(teamId ? { teamId } : {}),
      ...(cut ? { notices: [{ text: slackTexts(lang).tooLong(MAX_TEXT_CHARS), tone: "warning" as const }] } : {}),
    }).then(() => undefined),
  );
}
