import { type Citation, promulgatedHeading, SOURCE_LINE, statusLabel } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { ACTION_PREFIX, encodeButton } from "../button-value.js";
import { slackTexts } from "../texts.js";
import { cut } from "./limits.js";
import { type Block, button, context, escapeText, link, quote, section } from "./mrkdwn.js";

/** Longest quote shown in a message; the rest is one click away in the clause modal. */
const MESSAGE_QUOTE_CHARS = 280;

/**
 * One citation as its own blocks: label, status and date, a short verbatim quote with a
 * button that opens the whole clause in a modal, the source line and the official link,
 * and, for a repealed regulation, the warning and where the duty lives now.
 */
export function citationBlocks(citation: Citation, n: number, lang: Lang, actionIndex: number): Block[] {
  const t = slackTexts(lang);
  const status = statusLabel(citation.status, lang);
  const head = `*${n}. ${escapeText(citation.label)}*  ${lang === "en" ? `(${status}; ${t.asOf(citation.asOf)})` : `（${status}；${t.asOf(citation.asOf)}）`}`;
  const short = excerpt(citation.quote);
  const body = `${head}\n${quote(short.text)}${short.cut ? `\n_${t.excerpt}_` : ""}`;
  const readFull = button(
    `${ACTION_PREFIX}clause:${actionIndex}`,
    t.readFull,
    encodeButton({ k: "clause", id: citation.id, l: lang, label: cut(citation.label, 300), url: citation.url }),
  );
  const blocks: Block[] = [section(body, readFull)];
  if (citation.promulgated) {
    // The quote above is the text in force; the amendment waiting to take effect follows it.
    const amended = excerpt(citation.promulgated.quote);
    const note = citation.promulgated.note ? `\n_${escapeText(citation.promulgated.note)}_` : "";
    blocks.push(section(`*${escapeText(promulgatedHeading(citation.promulgated.asOf, lang))}*\n${quote(amended.text)}${note}`));
  }
  const source = [SOURCE_LINE[lang], link(citation.url, t.openOfficial)];
  if (lang === "en" && citation.textLang === "zh") source.push(t.untranslated);
  blocks.push(context(source.join(" · ")));
  if (citation.status === "repealed") {
    const labels = citation.successor?.labels.join(lang === "en" ? ", " : "、") ?? "";
    const note = citation.successor?.note ? `\n${escapeText(citation.successor.note)}` : "";
    blocks.push(section(`${escapeText(t.repealed(citation.successor?.repealedOn ?? citation.asOf, labels))}${note}`));
  }
  if (citation.note) blocks.push(context(`${t.plainNote}：${escapeText(citation.note)}`));
  return blocks;
}

/** The first sentences of a quote up to MESSAGE_QUOTE_CHARS, cut at a sentence end where one is near. */
export function excerpt(text: string, max = MESSAGE_QUOTE_CHARS): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const window = cut(text, max, "");
  const end = Math.max(window.lastIndexOf("。"), window.lastIndexOf("；"), window.lastIndexOf(". "), window.lastIndexOf("\n"));
  return { text: `${end > max / 2 ? window.slice(0, end + 1) : window}……`, cut: true };
}
