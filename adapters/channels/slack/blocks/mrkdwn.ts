import type { types } from "@slack/bolt";
import { cut, LIMITS } from "./limits.js";

export type Block = types.KnownBlock;
export type Button = types.Button;

/**
 * Slack mrkdwn treats &, < and > as control characters
 * (https://docs.slack.dev/messaging/formatting-message-text#escaping): statute text is escaped
 * so a quoted "<" cannot turn into a broken link or a mention.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link whose label is escaped; Slack links use <url|label>. */
export function link(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeText(label).replace(/\|/g, "｜")}>`;
}

/** Shows a Slack user id as a mention (the engine knows users only by id); other names are escaped. */
export function who(user: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(user) ? `<@${user}>` : escapeText(user);
}

/** A section block of mrkdwn text, cut to the section limit. */
export function section(text: string, accessory?: types.SectionBlockAccessory): Block {
  return { type: "section", text: { type: "mrkdwn", text: cut(text, LIMITS.sectionText) }, ...(accessory ? { accessory } : {}) };
}

/** A context block (small grey text) of mrkdwn lines. */
export function context(...texts: string[]): Block {
  return { type: "context", elements: texts.slice(0, 10).map((text) => ({ type: "mrkdwn", text: cut(text, LIMITS.contextText) })) };
}

export function header(text: string): Block {
  return { type: "header", text: { type: "plain_text", text: cut(text, LIMITS.headerText), emoji: true } };
}

export function divider(): Block {
  return { type: "divider" };
}

/** A button; `actionId` must be unique within its message or view. */
export function button(actionId: string, label: string, value: string, style?: "primary" | "danger"): Button {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: cut(label, LIMITS.buttonText), emoji: true },
    value,
    ...(style ? { style } : {}),
  };
}

/** An actions block. No block_id: ids must be unique per message, and messages are batched. */
export function actions(elements: Button[]): Block {
  return { type: "actions", elements: elements.slice(0, LIMITS.actionsElements) };
}

/** Every line of a text as a mrkdwn quote. */
export function quote(text: string): string {
  return text
    .split("\n")
    .map((line) => `>${escapeText(line)}`)
    .join("\n");
}
