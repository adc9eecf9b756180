import type { ReplyPart } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { ACTION_PREFIX, turnButton } from "../button-value.js";
import { actions, type Block, button, escapeText, section } from "./mrkdwn.js";

/** After 👎: what was wrong? One button per reason; a click records 👎 with that reason. */
export function feedbackReasonBlocks(part: Extract<ReplyPart, { kind: "feedback_reasons" }>, lang: Lang): Block[] {
  return [
    section(escapeText(part.prompt)),
    actions(
      part.options.map((o) =>
        button(
          `${ACTION_PREFIX}fb:why:${o.reason}`,
          o.label,
          turnButton({ type: "feedback", questionId: part.questionId, value: "down", reason: o.reason }, lang),
        ),
      ),
    ),
  ];
}
