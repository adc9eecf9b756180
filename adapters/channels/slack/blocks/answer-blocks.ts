import { type Answer, generatedLabel } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { ACTION_PREFIX, turnButton } from "../button-value.js";
import { slackTexts } from "../texts.js";
import { citationBlocks } from "./citation-blocks.js";
import { actions, type Block, button, context, escapeText, section } from "./mrkdwn.js";

/**
 * A cited answer: the lead and its warnings, then each citation as its own blocks, case
 * studies and suggestions, and 👍 / 👎 (recorded with the question in the answer log).
 */
export function answerBlocks(answer: Answer, questionId: string): Block[] {
  const lang: Lang = answer.lang;
  const t = slackTexts(lang);
  const blocks: Block[] = [];
  // A model-written lead says so above it; the clauses below are the authority.
  if (answer.generation?.mode === "model") blocks.push(context(`✨ ${escapeText(generatedLabel(lang))}`));
  blocks.push(section(escapeText(answer.lead)));
  if (answer.warnings.length > 0) blocks.push(section(answer.warnings.map(escapeText).join("\n")));
  if (!answer.abstained && answer.citations.length > 0) {
    blocks.push(context(`*${t.clausesCited}*`));
    answer.citations.forEach((citation, i) => {
      blocks.push(...citationBlocks(citation, i + 1, lang, i));
    });
  }
  if (answer.cases.length > 0) {
    blocks.push(section([`*${t.cases}*`, ...answer.cases.map((c) => `• *${escapeText(c.title)}*：${escapeText(c.summary)}`)].join("\n")));
  }
  if (answer.suggestions.length > 0) blocks.push(section(answer.suggestions.map((s) => `• ${escapeText(s)}`).join("\n")));
  blocks.push(context(t.feedbackPrompt));
  blocks.push(
    actions([
      button(`${ACTION_PREFIX}fb:up`, t.helpful, turnButton({ type: "feedback", questionId, value: "up" }, lang)),
      button(`${ACTION_PREFIX}fb:down`, t.notHelpful, turnButton({ type: "feedback", questionId, value: "down" }, lang)),
    ]),
  );
  return blocks;
}
