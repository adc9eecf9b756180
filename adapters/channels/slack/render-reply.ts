import { type Citation, type RecordedView, type Reply, type ReplyPart, renderPart } from "../../../bot/index.js";
import type { Lang } from "../../../knowledge/index.js";
import { answerBlocks } from "./blocks/answer-blocks.js";
import { feedbackReasonBlocks } from "./blocks/feedback-blocks.js";
import { itemBlocks, recordedBlocks } from "./blocks/item-blocks.js";
import { cut, LIMITS } from "./blocks/limits.js";
import type { Block } from "./blocks/mrkdwn.js";
import { noticeBlocks } from "./blocks/notice-blocks.js";
import { assessmentListBlocks, checklistBlocks, statusBlocks } from "./blocks/progress-blocks.js";
import { whyBlocks } from "./blocks/why-blocks.js";

/** One Slack message: blocks within the limits and the plain-text fallback Slack requires for notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
  /** The item this message asks; it is tracked so that it can be updated once answered. */
  item?: { assessmentId: string; itemId: string };
  /** The answer it records; it replaces the item message it belongs to when that is known. */
  recorded?: RecordedView;
}

interface RenderedReply {
  messages: SlackMessage[];
  /** Reports to deliver as files. */
  reports: Array<{ assessmentId: string; label: string }>;
  /** Every clause quoted, for the full-text modal. */
  citations: Citation[];
}

/**
 * Maps an engine reply onto Slack messages. An item is always its own message (it gets
 * updated after the answer); an answer starts a message that the notices following it
 * join, a recorded result one that the warnings about it join; other parts are batched.
 * No message exceeds 50 blocks.
 */
export function renderReply(reply: Reply): RenderedReply {
  const rendered: RenderedReply = { messages: [], reports: [], citations: [] };
  let batch: { parts: ReplyPart[]; blocks: Block[]; recorded?: RecordedView } | undefined;
  const flush = () => {
    if (batch && batch.blocks.length > 0) rendered.messages.push(...toMessages(batch.parts, batch.blocks, reply.lang, batch.recorded));
    batch = undefined;
  };
  for (const part of reply.parts) {
    switch (part.kind) {
      case "item":
        flush();
        rendered.messages.push(...toMessages([part], itemBlocks(part.item, reply.lang), reply.lang, undefined, part.item));
        break;
      case "recorded":
        flush();
        batch = { parts: [part], blocks: recordedBlocks(part.recorded, reply.lang), recorded: part.recorded };
        break;
      case "answer":
        flush();
        rendered.citations.push(...part.answer.citations);
        batch = { parts: [part], blocks: answerBlocks(part.answer, part.questionId) };
        break;
      case "report":
        rendered.reports.push({ assessmentId: part.assessmentId, label: part.label });
        break;
      case "notice":
        // A recorded result keeps the warnings about it (masked personal data); other notices go on.
        if (batch?.recorded && part.tone === "info") flush();
        batch ??= { parts: [], blocks: [] };
        batch.parts.push(part);
        batch.blocks.push(...noticeBlocks(part.text, part.tone));
        break;
      default: {
        // A why, status or list after a recorded result or an answer is a new message.
        if (batch?.recorded || batch?.parts.some((p) => p.kind === "answer")) flush();
        if (part.kind === "why") rendered.citations.push(...part.why.citations);
        batch ??= { parts: [], blocks: [] };
        batch.parts.push(part);
        batch.blocks.push(...partBlocks(part, reply.lang));
      }
    }
  }
  flush();
  return rendered;
}

function partBlocks(part: ReplyPart, lang: Lang): Block[] {
  switch (part.kind) {
    case "why":
      return whyBlocks(part.why, lang);
    case "status":
      return statusBlocks(part.status, lang);
    case "checklists":
      return checklistBlocks(part.checklists, lang);
    case "assessments":
      return assessmentListBlocks(part.assessments, lang);
    case "feedback_reasons":
      return feedbackReasonBlocks(part, lang);
    default:
      return [];
  }
}

/** Splits blocks into messages of at most 50; the fallback text goes with the first. */
function toMessages(parts: ReplyPart[], blocks: Block[], lang: Lang, recorded?: RecordedView, item?: { assessmentId: string; itemId: string }): SlackMessage[] {
  const text = fallbackText(parts, lang);
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.messageBlocks) {
    const chunk = uniqueActionIds(blocks.slice(i, i + LIMITS.messageBlocks));
    messages.push({ text: i === 0 ? text : lang === "en" ? "(continued)" : "（續）", blocks: chunk });
  }
  const first = messages[0];
  if (first && recorded) first.recorded = recorded;
  if (first && item) first.item = { assessmentId: item.assessmentId, itemId: item.itemId };
  return messages;
}

/** The parts as plain text, within the fallback limit. */
export function fallbackText(parts: ReplyPart[], lang: Lang): string {
  return cut(parts.map((part) => renderPart(part, lang)).join("\n\n"), LIMITS.fallbackText) || " ";
}

/** Slack rejects a message whose buttons share an action_id: later duplicates get a suffix (values carry the meaning). */
export function uniqueActionIds(blocks: Block[]): Block[] {
  const seen = new Set<string>();
  const unique = (id: string) => {
    let candidate = id;
    for (let n = 2; seen.has(candidate); n++) candidate = `${id}~${n}`;
    seen.add(candidate);
    return candidate;
  };
  return blocks.map((block) => {
    if (block.type === "actions")
      return { ...block, elements: block.elements.map((e) => ("action_id" in e && e.action_id ? { ...e, action_id: unique(e.action_id) } : e)) };
    if (block.type === "section" && block.accessory && "action_id" in block.accessory && block.accessory.action_id) {
      return { ...block, accessory: { ...block.accessory, action_id: unique(block.accessory.action_id) } };
    }
    return block;
  });
}
