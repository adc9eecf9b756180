import type { Logger, Reply } from "../../../bot/index.js";
import { closedItemBlocks } from "./blocks/item-blocks.js";
import { actions, type Block, button } from "./blocks/mrkdwn.js";
import { errorSummary } from "./bot-identity.js";
import { ACTION_PREFIX, turnButton } from "./button-value.js";
import type { SlackHandlerDeps } from "./handler-deps.js";
import type { ItemCard } from "./item-cards.js";
import type { Destination } from "./places.js";
import { renderReply, type SlackMessage } from "./render-reply.js";
import { deliverReport } from "./report-delivery.js";
import { slackTexts } from "./texts.js";
import type { Placeholder } from "./working-state.js";

/** What happened to the item in front of the user when no answer was recorded (skip, back, pause). */
export interface Outcome {
  text: string;
  /** Offer 繼續 on the closed item (after 暫停). */
  resumeAssessmentId?: string;
}

export interface Delivery {
  destination: Destination;
  conversationId: string;
  userId: string;
  teamId?: string;
  /** The item message the click came from. */
  card?: ItemCard;
  /** The working-state message posted while a model wrote the answer: the first message replaces it. */
  placeholder?: Placeholder;
  outcome?: Outcome;
}

/**
 * Delivers a reply: the item message in front of the user is updated to show what was
 * recorded (or closed, without buttons, when the conversation moved on), then the rest is
 * posted in order, items tracked as the new live message, reports uploaded as files.
 */
export async function deliverReply(rt: SlackHandlerDeps, reply: Reply, delivery: Delivery, log: Logger): Promise<number> {
  const rendered = renderReply(reply);
  rt.citations.remember(rendered.citations, reply.lang);
  let messages = rendered.messages;
  const tracked = delivery.destination.kind === "post" ? rt.cards.get(delivery.conversationId) : undefined;
  const live = delivery.card ?? tracked;
  // The item message is replaced only when the conversation moves on: a note added to an
  // answer leaves the item in front of the user, buttons and all.
  const completes = reply.parts.some((p) => p.kind === "recorded") && reply.parts.some((p) => p.kind === "status");
  const movesOn = messages.some((m) => m.item) || completes;
  if (live) {
    const recorded = movesOn ? messages.find((m) => m.recorded?.itemId === live.itemId && m.recorded.assessmentId === live.assessmentId) : undefined;
    let replacement: SlackMessage | undefined = recorded;
    if (!replacement && live.blocks.length > 0 && (delivery.outcome || movesOn)) {
      replacement = { text: delivery.outcome?.text ?? slackTexts(reply.lang).movedOn, blocks: closedBlocks(live, delivery.outcome, reply.lang) };
    }
    if (replacement) {
      await rt.poster.update(live.channel, live.ts, replacement);
      messages = messages.filter((m) => m !== recorded);
      if (tracked && tracked.ts === live.ts) rt.cards.delete(delivery.conversationId);
    }
  }
  let placeholder = delivery.placeholder;
  for (const message of messages) {
    const ts = placeholder ? await replacePlaceholder(rt, placeholder, delivery, message, log) : await rt.poster.send(delivery.destination, message);
    placeholder = undefined;
    if (message.item && ts && delivery.destination.kind === "post") {
      rt.cards.set(delivery.conversationId, { channel: delivery.destination.place.channel, ts, ...message.item, blocks: message.blocks });
    }
  }
  for (const report of rendered.reports) {
    await deliverReport(
      rt,
      {
        ...report,
        viewer: { channel: "slack", userId: delivery.userId, conversationId: delivery.conversationId, ...(delivery.teamId ? { teamId: delivery.teamId } : {}) },
        lang: reply.lang,
        destination: delivery.destination,
      },
      log,
    );
  }
  return messages.length;
}

/** The answer in place of the working state; posted anew when the update fails. */
async function replacePlaceholder(
  rt: SlackHandlerDeps,
  placeholder: Placeholder,
  delivery: Delivery,
  message: SlackMessage,
  log: Logger,
): Promise<string | undefined> {
  try {
    await rt.poster.update(placeholder.channel, placeholder.ts, message);
    return placeholder.ts;
  } catch (error) {
    log.warn({ error: errorSummary(error) }, "could not replace the working state; posting the answer");
    return rt.poster.send(delivery.destination, message);
  }
}

function closedBlocks(card: ItemCard, outcome: Outcome | undefined, lang: "zh" | "en"): Block[] {
  const t = slackTexts(lang);
  const blocks = closedItemBlocks(card.blocks, outcome?.text ?? t.movedOn);
  if (outcome?.resumeAssessmentId) {
    blocks.push(
      actions([button(`${ACTION_PREFIX}resume`, t.resume, turnButton({ type: "resume", assessmentId: outcome.resumeAssessmentId }, lang), "primary")]),
    );
  }
  return blocks;
}
