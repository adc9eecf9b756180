import type { App } from "@slack/bolt";
import type { z } from "zod";
import { messageIds } from "../../shared/message-ids.js";
import { newRequestId } from "../../shared/request-id.js";
import { channelTexts } from "../../shared/texts.js";
import { clauseLinkModal, clauseModal, noteModal } from "../blocks/modals.js";
import type { Block } from "../blocks/mrkdwn.js";
import { errorSummary } from "../bot-identity.js";
import { type ButtonValue, decodeButton } from "../button-value.js";
import type { Outcome } from "../deliver-reply.js";
import type { SlackHandlerDeps } from "../handler-deps.js";
import type { ItemCard } from "../item-cards.js";
import { BlockActionsSchema } from "../payload-schema.js";
import { conversationIdOf, type Destination, isDmChannel, type Place } from "../places.js";
import { runTurn, sendFailure } from "../run-turn.js";
import { slackTexts } from "../texts.js";

type BlockActions = z.infer<typeof BlockActionsSchema>;
type TurnButton = Extract<ButtonValue, { k: "turn" }>;

/**
 * Button clicks (block_actions). Acknowledged first; modals open right away (a trigger_id
 * expires after 3 seconds), engine turns are queued. A button we did not render gets a
 * short private explanation, never an error status.
 */
export function registerBlockActions(app: App, rt: SlackHandlerDeps): void {
  app.action(/.*/, async ({ ack, body }) => {
    await ack();
    const parsed = BlockActionsSchema.safeParse(body);
    if (!parsed.success) {
      rt.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, "slack action of unexpected shape ignored");
      return;
    }
    const payload = parsed.data;
    const action = payload.actions[0];
    const value = decodeButton(action?.value);
    const requestId = newRequestId("slack");
    const log = rt.logger.child({ requestId, user: payload.user.id });
    try {
      if (!value) {
        log.warn({ actionId: action?.action_id.slice(0, 80) }, "unknown slack action");
        const where = ephemeralTo(payload);
        if (where) await rt.poster.send(where, { text: slackTexts("zh").staleButton });
        return;
      }
      log.info({ actionId: action?.action_id, kind: value.k, action: value.k === "turn" ? value.a.type : undefined }, "slack action received");
      if (value.k === "clause") {
        const citation = rt.citations.find(value.id, value.l);
        await rt.client.views.open({
          trigger_id: payload.trigger_id,
          view: citation ? clauseModal(citation, value.l) : clauseLinkModal(value.label, value.url, value.l),
        });
        return;
      }
      if (value.k === "note") {
        const itemLine = itemMrkdwn(payload.message?.blocks as Block[] | undefined, value.itemId);
        const place = placeOf(payload);
        const view = noteModal(
          {
            assessmentId: value.assessmentId,
            itemId: value.itemId,
            lang: value.l,
            ...(place ? { channel: place.channel, ...(place.threadTs ? { threadTs: place.threadTs } : {}) } : {}),
            ...(payload.message ? { ts: payload.message.ts } : {}),
            ...(teamOf(payload) ? { teamId: teamOf(payload) } : {}),
          },
          itemLine,
          value.answered,
        );
        await rt.client.views.open({ trigger_id: payload.trigger_id, view });
        return;
      }
      rt.queue.push(() => turnFromButton(rt, payload, value, requestId));
    } catch (error) {
      log.error({ error: errorSummary(error) }, "slack action failed");
      const where = ephemeralTo(payload);
      if (where) await sendFailure(rt, where, channelTexts(value?.l ?? "zh").failed(requestId), log);
    }
  });
}

async function turnFromButton(rt: SlackHandlerDeps, payload: BlockActions, value: TurnButton, requestId: string): Promise<void> {
  const t = slackTexts(value.l);
  const action = value.a;
  const userId = payload.user.id;
  const teamId = teamOf(payload);
  let place = placeOf(payload);
  if (!place) {
    // From App Home or a private list: assessments run in the DM.
    place = { channel: await rt.dms.open(userId) };
    const where = ephemeralTo(payload);
    if (where && (action.type === "start" || action.type === "resume")) await rt.poster.send(where, { text: t.assessInDm });
  }
  const conversationId = conversationIdOf(place);
  const itemId = action.type === "answer" ? action.itemId : value.it;
  const message = payload.message;
  const card: ItemCard | undefined =
    itemId && message && place.channel === (payload.channel?.id ?? payload.container.channel_id) && "assessmentId" in action && action.assessmentId
      ? { channel: place.channel, ts: message.ts, assessmentId: action.assessmentId, itemId, blocks: (message.blocks ?? []) as Block[] }
      : undefined;
  const outcome = outcomeOf(action, t);
  // One answer per user and item message, however often it is clicked; any other click once per trigger.
  const messageId =
    action.type === "answer" && message
      ? messageIds.answer(userId, place.channel, message.ts, action.itemId)
      : messageIds.interaction("act", payload.trigger_id);
  const feedback = action.type === "feedback";
  const destination: Destination = feedback ? (ephemeralTo(payload) ?? { kind: "post", place }) : { kind: "post", place };
  await runTurn(rt, {
    requestId,
    lang: value.l,
    // No userName: events carry none, so ids everywhere; Slack shows an id as the person's name.
    turn: { userId, ...(teamId ? { teamId } : {}), conversationId, messageId, action, lang: value.l },
    destination,
    conversationId,
    userId,
    ...(teamId ? { teamId } : {}),
    ...(card ? { card } : {}),
    ...(outcome ? { outcome } : {}),
  });
}

function outcomeOf(action: TurnButton["a"], t: ReturnType<typeof slackTexts>): Outcome | undefined {
  if (action.type !== "command") return undefined;
  if (action.command === "skip") return { text: t.skipped };
  if (action.command === "back") return { text: t.wentBack };
  if (action.command === "pause") return { text: t.paused, ...(action.assessmentId ? { resumeAssessmentId: action.assessmentId } : {}) };
  return undefined;
}

/** The conversation a click belongs to: the thread of its message, or the DM; undefined for App Home and private messages in channels. */
function placeOf(payload: BlockActions): Place | undefined {
  const channel = payload.channel?.id ?? payload.container.channel_id;
  const threadTs = payload.message?.thread_ts ?? payload.container.thread_ts;
  if (!channel) return undefined;
  if (threadTs) return { channel, threadTs };
  if (isDmChannel(channel) && !payload.container.is_ephemeral) return { channel };
  return undefined;
}

/** Where to tell the clicking user something privately. */
function ephemeralTo(payload: BlockActions): Destination | undefined {
  const channel = payload.channel?.id ?? payload.container.channel_id;
  if (!channel) return undefined;
  const threadTs = payload.message?.thread_ts ?? payload.container.thread_ts;
  // A private message can only be answered through its response_url; others get chat.postEphemeral.
  const responseUrl = payload.container.is_ephemeral ? payload.response_url : undefined;
  return { kind: "ephemeral", channel, user: payload.user.id, ...(threadTs ? { threadTs } : {}), ...(responseUrl ? { responseUrl } : {}) };
}

function teamOf(payload: BlockActions): string | undefined {
  return payload.team?.id ?? payload.user.team_id;
}

/** The item's text as shown on its message, for the note modal (already escaped mrkdwn). */
function itemMrkdwn(blocks: Block[] | undefined, itemId: string): string {
  for (const block of blocks ?? []) {
    if (block.type === "section" && block.text?.text.startsWith(`*${itemId} `)) return block.text.text;
  }
  return `*${itemId}*`;
}
