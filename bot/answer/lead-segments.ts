import type { Lang } from "../../knowledge/clause.js";
import { type AnswerNeeds, clauseCarries, fitOf } from "../../knowledge/index.js";

/** What a sentence carries; the caller may complete its actions from the articles it cites. */
export type CarriesOf = (text: string) => AnswerNeeds;

/**
 * The sentence of a clause that answers the question, in the clause's own words. A list
 * introduction ("應訂定下列機制：") keeps its items: a list is never cut at the matched item.
 */
const MAX_SEGMENT = { zh: 220, en: 480 } as const;

/** The paragraphs of an article's text: a line that is not an item or sub-item starts one. */
export function paragraphsOf(articleText: string): string[] {
  const paragraphs: string[] = [];
  for (const line of articleText
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (isItem(line) && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += `\n${line}`;
    else paragraphs.push(line);
  }
  return paragraphs;
}

/** Sentences of a clause: split at 。；; (and ". " in English), a list intro joined with its items. */
export function segmentsOf(text: string, lang: Lang = "zh"): string[] {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/[：:]$/.test(line) && isItem(lines[i + 1])) {
      const items: string[] = [];
      while (isItem(lines[i + 1])) items.push(lines[++i] ?? "");
      out.push(listSegment(line, items, lang));
      // Each item with its introduction: the matched item is quoted whole, never cut away.
      const sep = lang === "en" ? " " : "";
      if (items.length > 1) out.push(...items.map((item) => `${line}${sep}${item}`));
      continue;
    }
    const sentences = line
      .split(/(?<=[。；;])|(?<=\.)\s+(?=[A-Z])/)
      .map((s) => s.trim())
      .filter((s) => s.length > 1);
    // A 但書 ("但…不在此限") means nothing without the rule it qualifies: keep them together.
    for (const sentence of sentences) {
      if (/^(?:但|However|Provided)/.test(sentence) && out.length > 0 && !isListSegment(out[out.length - 1])) out[out.length - 1] += sentence;
      else out.push(sentence);
    }
  }
  return out;
}

/**
 * A list keeps every item: when it is too long for a lead, each item is shortened to its
 * first clause instead of the list being cut after the first few.
 */
function listSegment(intro: string, items: string[], lang: Lang): string {
  const sep = lang === "en" ? " " : "";
  const whole = `${intro}${sep}${items.join(sep)}`;
  if (whole.length <= MAX_SEGMENT[lang]) return whole;
  const short = items.map((item) => {
    const first = item.split(/(?<=[。；;])|，|, /)[0] ?? item;
    return first.length < item.length ? `${first.replace(/[。；;，,]$/, "")}……` : item;
  });
  return `${intro}${sep}${short.join(sep)}`;
}

function isListSegment(segment: string | undefined): boolean {
  return segment !== undefined && /[：:]\s*(?:[一二三四五六七八九十]+、|\d+\.)/.test(segment);
}

function isItem(line: string | undefined): boolean {
  return line !== undefined && /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|\d+\.)/.test(line);
}

/** Character pairs (Chinese) and words (English) of a text, the units overlap is counted in. */
function grams(text: string): Set<string> {
  const lower = text.toLowerCase();
  const words = lower.match(/[a-z]{3,}/g)?.map((w) => w.replace(/(?:ing|ed|es|s)$/, "")) ?? [];
  const han = lower.replace(/[^\p{Script=Han}]/gu, "");
  const pairs = [...han].slice(0, -1).map((ch, i) => ch + (han[i + 1] ?? ""));
  return new Set([...words, ...pairs]);
}

/** The share of the question's units a sentence shares. */
function overlap(question: Set<string>, sentence: string): number {
  if (question.size === 0) return 0;
  let shared = 0;
  for (const g of grams(sentence)) if (question.has(g)) shared++;
  return shared / question.size;
}

export interface RankedSegment {
  text: string;
  /** 1-based paragraph of the article it comes from. */
  paragraph: number;
  score: number;
}

/**
 * The sentences of an article, best first for the question: what it asks for (a duration
 * for a deadline question, the access paragraph for an access request), then shared words;
 * the paragraphs retrieval focused on are preferred.
 */
export function rankSegments(
  articleText: string,
  focus: number[],
  question: string,
  needs: AnswerNeeds,
  lang: Lang,
  carries: CarriesOf = clauseCarries,
): RankedSegment[] {
  const ranked: RankedSegment[] = [];
  const asked = grams(question);
  for (const [i, paragraph] of paragraphsOf(articleText).entries()) {
    const bonus = focus.length === 0 || focus.includes(i + 1) ? 1.25 : 1;
    for (const [j, text] of segmentsOf(paragraph, lang).entries()) {
      const score = fitOf(needs, carries(text)) * (0.2 + overlap(asked, text)) * bonus * (j === 0 ? 1.1 : 1);
      ranked.push({ text: shorten(text, MAX_SEGMENT[lang] * 2), paragraph: i + 1, score });
    }
  }
  return ranked.sort((a, b) => b.score - a.score);
}

/** The best sentence of `text` for the question. */
export function bestSegment(text: string, question: string, needs: AnswerNeeds, lang: Lang): string {
  return rankSegments(text, [], question, needs, lang)[0]?.text ?? text;
}

/** A long sentence is shortened at a clause boundary; the omission is marked with ……. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf("，"), cut.lastIndexOf("、"), cut.lastIndexOf("。"), cut.lastIndexOf(", "), cut.lastIndexOf("; "));
  return `${end > max / 2 ? cut.slice(0, end) : cut}……`;
}
