import type { WhyView } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { slackTexts } from "../texts.js";
import { citationBlocks } from "./citation-blocks.js";
import { type Block, context, escapeText, section } from "./mrkdwn.js";

/** Why an item is asked: the guidance, the clauses it rests on (each with its full-text button) and case studies. */
export function whyBlocks(why: WhyView, lang: Lang): Block[] {
  const t = slackTexts(lang);
  const blocks: Block[] = [section(`*${escapeText(t.whyTitle(why.item))}*\n${escapeText(why.guidance)}`)];
  why.citations.forEach((citation, i) => {
    blocks.push(...citationBlocks(citation, i + 1, lang, i));
  });
  if (why.legacyReference) blocks.push(context(escapeText(t.legacy(why.legacyReference))));
  if (why.cases.length > 0) {
    blocks.push(section([`*${t.cases}*`, ...why.cases.map((c) => `• *${escapeText(c.title)}*：${escapeText(c.summary)}`)].join("\n")));
  }
  return blocks;
}
