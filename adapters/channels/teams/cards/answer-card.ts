import { type Answer, type Citation, generatedLabel, promulgatedHeading, renderPart, SOURCE_LINE, statusLabel } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { type TeamsTexts, teamsTexts } from "../texts.js";
import {
  type AdaptiveCard,
  actionSet,
  adaptiveCard,
  botAction,
  type CardElement,
  container,
  openUrl,
  paragraphs,
  showCard,
  textBlock,
} from "./adaptive-card.js";

/** Teams refuses a message over about 28 KB; stay under it with room for the envelope. */
const MESSAGE_BUDGET_BYTES = 26_000;

/** Characters of a citation's quote shown on the card; the full clause is one click away. */
const SHORT_QUOTE = 160;

/**
 * The cited answer: lead, warnings, each clause with its label, date, status, links, then
 * the source line and 👍 / 👎. `summaryBytes` is the size of the plain text sent with it.
 */
export function answerCard(answer: Answer, questionId: string, summaryBytes = 0): AdaptiveCard {
  const fallbackText = renderPart({ kind: "answer", answer, questionId }, answer.lang);
  return fitCard((limit) => adaptiveCard(answerBody(answer, limit), { actions: feedbackActions(answer.lang, questionId), fallbackText }), summaryBytes);
}

/**
 * Builds a card with the longest full-text sections that keep the message within Teams'
 * size limit; at worst without them (the official link always remains).
 */
export function fitCard(build: (fullTextLimit: number) => AdaptiveCard, summaryBytes: number): AdaptiveCard {
  const limits = [Number.POSITIVE_INFINITY, 3000, 1200, 400];
  for (const limit of limits) {
    const card = build(limit);
    if (Buffer.byteLength(JSON.stringify(card)) + summaryBytes <= MESSAGE_BUDGET_BYTES) return card;
  }
  return build(0);
}

function answerBody(answer: Answer, fullTextLimit: number): CardElement[] {
  const l = teamsTexts(answer.lang);
  // A model-written lead says so above it; the clauses below are the authority.
  const generated = answer.generation?.mode === "model" ? [textBlock(`✨ ${generatedLabel(answer.lang)}`, { size: "Small", isSubtle: true })] : [];
  const body: CardElement[] = [...generated, ...paragraphs(answer.lead)];
  for (const warning of answer.warnings) body.push(textBlock(warning, { color: "Attention", weight: "Bolder" }));
  for (const citation of answer.citations) body.push(citationBlock(citation, answer.lang, fullTextLimit));
  if (answer.cases.length > 0) {
    body.push(textBlock(l.cases, { weight: "Bolder", separator: true }));
    for (const c of answer.cases) body.push(textBlock(`• ${c.title}：${c.summary}`, { size: "Small" }));
  }
  for (const suggestion of answer.suggestions) body.push(textBlock(`• ${suggestion}`, { size: "Small" }));
  body.push(textBlock(SOURCE_LINE[answer.lang], { size: "Small", isSubtle: true, separator: true }));
  return body;
}

/** One clause: label, status and date, a short quote, the repealed warning, and links to the whole text. */
export function citationBlock(citation: Citation, lang: Lang, fullTextLimit = Number.POSITIVE_INFINITY): CardElement {
  const l = teamsTexts(lang);
  const items: CardElement[] = [
    textBlock(citation.label, { weight: "Bolder" }),
    textBlock(`${statusLabel(citation.status, lang)}・${l.asOf(citation.asOf)}`, { size: "Small", isSubtle: true, spacing: "None" }),
    textBlock(shortQuote(citation.quote, citation.textLang), { spacing: "Small" }),
  ];
  if (citation.promulgated) {
    // The quote above is the text in force; the amendment waiting to take effect follows it.
    items.push(textBlock(promulgatedHeading(citation.promulgated.asOf, lang), { weight: "Bolder", color: "Warning", spacing: "Small" }));
    items.push(textBlock(shortQuote(citation.promulgated.quote, citation.textLang), { size: "Small", spacing: "None" }));
    if (citation.promulgated.note) items.push(textBlock(citation.promulgated.note, { size: "Small", isSubtle: true, spacing: "None" }));
  }
  if (citation.successor)
    items.push(textBlock(l.repealedNow(citation.successor.labels.join(lang === "en" ? ", " : "、"), citation.successor.repealedOn), { color: "Attention" }));
  if (citation.successor?.note) items.push(textBlock(citation.successor.note, { size: "Small" }));
  if (citation.note) items.push(textBlock(`${l.plainNote}：${citation.note}`, { size: "Small", isSubtle: true }));
  items.push(actionSet(citationActions(citation, l, fullTextLimit)));
  return container(items, { separator: true, spacing: "Medium" });
}

function citationActions(citation: Citation, l: TeamsTexts, fullTextLimit: number): CardElement[] {
  const actions = [openUrl(l.officialText, citation.url)];
  if (fullTextLimit > 0) {
    const full = citation.articleText.length > fullTextLimit ? `${citation.articleText.slice(0, fullTextLimit)}${l.trimmed}` : citation.articleText;
    actions.push(showCard(l.fullText, [...paragraphs(full, { size: "Small" }), textBlock(citation.url, { size: "Small", isSubtle: true })]));
  }
  return actions;
}

function feedbackActions(lang: Lang, questionId: string): CardElement[] {
  const l = teamsTexts(lang);
  return [botAction(l.helpful, { ca: "feedback", questionId, value: "up" }), botAction(l.notHelpful, { ca: "feedback", questionId, value: "down" })];
}

function shortQuote(quote: string, lang: Lang): string {
  const flat = quote.replace(/\s*\n\s*/g, " ");
  if (flat.length <= SHORT_QUOTE * (lang === "en" ? 2 : 1)) return lang === "en" ? `"${flat}"` : `「${flat}」`;
  const cut = flat.slice(0, SHORT_QUOTE * (lang === "en" ? 2 : 1));
  return lang === "en" ? `"${cut} …"` : `「${cut}……」`;
}
