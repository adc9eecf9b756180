import type { Activity } from "botbuilder";
import { type AssessmentReport, type Reply, type ReplyPart, renderPart } from "../../../bot/index.js";
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from "./cards/adaptive-card.js";
import { aiMessageEntities } from "./cards/ai-entities.js";
import { answerCard } from "./cards/answer-card.js";
import { feedbackReasonsCard } from "./cards/feedback-reasons-card.js";
import { itemCard, recordedCard } from "./cards/item-card.js";
import { assessmentsCard, checklistsCard } from "./cards/list-cards.js";
import { reportCard, statusCard, whyCard } from "./cards/status-cards.js";
import { teamsTexts } from "./texts.js";

/** One message to send: a card with its plain text (the `summary`), or plain text alone. */
export type Outgoing =
  /** `entities`: for a model-written answer, the AI-generated mark and its citations (ai-entities.ts). */
  { kind: "card"; part: ReplyPart["kind"]; card: AdaptiveCard; summary: string; entities?: Array<Record<string, unknown>> } | { kind: "text"; text: string };

/** A report part after the adapter has checked access and made a download link. */
export interface ReportLinkView {
  report: AssessmentReport;
  url: string;
  ttlMinutes: number;
}

/**
 * The engine's reply as Teams messages, in order: every part but a notice becomes an
 * Adaptive Card; consecutive notices become one text message. Report parts need their
 * links resolved first (`reports`); without that map they are left out.
 */
export function renderReply(reply: Reply, reports?: Map<string, ReportLinkView | undefined>): Outgoing[] {
  const out: Outgoing[] = [];
  const notices: string[] = [];
  const flush = () => {
    if (notices.length > 0) out.push({ kind: "text", text: notices.splice(0).join("\n\n") });
  };
  for (const part of reply.parts) {
    if (part.kind === "notice") {
      notices.push(`${part.tone === "info" ? "" : "⚠️ "}${part.text}`);
      continue;
    }
    if (part.kind === "report") {
      if (!reports) continue;
      const link = reports.get(part.assessmentId);
      if (!link) {
        notices.push(`⚠️ ${teamsTexts(reply.lang).reportUnavailable}`);
        continue;
      }
      flush();
      const summary = `${renderPart(part, reply.lang)}\n${link.url}`;
      out.push({ kind: "card", part: part.kind, card: reportCard(link.report, link.url, link.ttlMinutes, reply.lang), summary });
      continue;
    }
    flush();
    const summary = renderPart(part, reply.lang);
    const entities = part.kind === "answer" ? aiMessageEntities(part.answer) : undefined;
    out.push({ kind: "card", part: part.kind, card: partCard(part, reply, Buffer.byteLength(summary)), summary, ...(entities ? { entities } : {}) });
  }
  flush();
  return out;
}

function partCard(part: Exclude<ReplyPart, { kind: "notice" | "report" }>, reply: Reply, summaryBytes: number): AdaptiveCard {
  switch (part.kind) {
    case "answer":
      return answerCard(part.answer, part.questionId, summaryBytes);
    case "item":
      return itemCard(part.item, reply.lang);
    case "recorded":
      return recordedCard(part.recorded, reply.lang);
    case "why":
      return whyCard(part.why, reply.lang, summaryBytes);
    case "status":
      return statusCard(part.status, reply.lang);
    case "checklists":
      return checklistsCard(part.checklists, reply.lang);
    case "assessments":
      return assessmentsCard(part.assessments, reply.lang);
    case "feedback_reasons":
      return feedbackReasonsCard(part);
  }
}

/**
 * The message activity for an outgoing part. Teams shows `text` above a card, so a card
 * message carries its plain text in `summary`: what clients that cannot render cards show
 * (Bot Framework Activity schema) and what notifications preview.
 */
export function toActivity(outgoing: Outgoing): Partial<Activity> {
  if (outgoing.kind === "text") return { type: "message", text: outgoing.text.split(/\n+/).join("\n\n"), textFormat: "markdown" };
  return cardActivity(outgoing.card, outgoing.summary, outgoing.entities);
}

export function cardActivity(card: AdaptiveCard, summary = card.fallbackText ?? "", entities?: Array<Record<string, unknown>>): Partial<Activity> {
  return {
    type: "message",
    summary,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
    ...(entities ? { entities: entities as Activity["entities"] } : {}),
  };
}
