import type { ReplyPart } from "../../../../bot/index.js";
import { type AdaptiveCard, adaptiveCard, botAction, textBlock } from "./adaptive-card.js";

/** After 👎: one button per reason; each records a 👎 with that reason against the question. */
export function feedbackReasonsCard(part: Extract<ReplyPart, { kind: "feedback_reasons" }>): AdaptiveCard {
  return adaptiveCard([textBlock(part.prompt)], {
    actions: part.options.map((o) => botAction(o.label, { ca: "feedback", questionId: part.questionId, value: "down", reason: o.reason })),
    fallbackText: `${part.prompt} ${part.options.map((o) => o.label).join(" / ")}`,
  });
}
