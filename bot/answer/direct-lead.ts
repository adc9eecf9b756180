import type { Lang } from "../../knowledge/clause.js";
import { type AnswerKind, type AnswerNeeds, carriesWithReferences, clauseCarries, questionNeeds } from "../../knowledge/index.js";
import type { Citation } from "./answer.js";
import { AUTHORITY_NAMES } from "./authorities.js";
import { extractFacts, type Fact, findUnsupported } from "./grounding.js";
import { clauseLabel } from "./labels.js";
import { paragraphsOf, type RankedSegment, rankSegments, shorten } from "./lead-segments.js";

/**
 * The direct lead: one or two sentences that state the answer in the chosen clause's own
 * words, with its label; for "what must we do" a numbered list of duties from distinct
 * articles. Nothing here is generated: sentences are cut from the quoted clauses, and a
 * clause's 本部 is named as the ministry that issued it. Every lead is checked with the
 * grounding check against the clauses it quotes; a lead that fails it is not used.
 */
export interface LeadInput {
  question: string;
  lang: Lang;
  citations: Citation[];
  needs: AnswerNeeds;
  /** Statute wording the retrieval expanded the question with: matched like the question's words. */
  expansions?: string[];
  /** Regulations in the asker's scope or named in the question: they lead. */
  preferred?: Set<string>;
  /** Text of an article, for the actions a sentence inherits from the one it cites ("依第十條規定之請求"). */
  articleText?: (pcode: string, article: string) => string | undefined;
}

// A later citation leads only when it carries what the question asks and the first does not.
const RANK_DECAY = [1, 0.85, 0.75, 0.7, 0.65];
const FACT_KINDS: AnswerKind[] = ["deadline", "amount", "authority"];
const MAX_DUTIES = 4;
/** A sentence with a deadline stands for its article in a duty list when it answers this well, relative to the best. */
const DUTY_DEADLINE_SHARE = 0.25;
/** A second sentence is shown only when it answers at least this well, relative to the first. */
const SECOND_SHARE = 0.8;
/** A regulation outside the asker's scope (the Cyber Security Management Act binds agencies) leads only when clearly better. */
const OUT_OF_SCOPE = 0.3;
/** Another paragraph of the same article needs less: it is the same rule's other half. */
const SAME_ARTICLE_SHARE = 0.6;
const SPECIFIC = ["deadline", "amount", "authority", "definition", "exception"] as const;

export interface DirectLead {
  lines: string[];
  /** Paragraphs the lead quotes from, so the citation below quotes them too. */
  used: Array<{ articleId: string; paragraph: number }>;
}

/** The lead lines, or undefined when no citation yields a grounded sentence. */
export function directLead(input: LeadInput): DirectLead | undefined {
  const usable = input.citations.filter((c) => c.status === "in_force" || c.status === "not_yet_in_force");
  if (usable.length === 0) return undefined;
  // "個資法第27條", "「個資法第27條」到底在講什麼": the clause itself is asked for, and the quote is the answer.
  const referenced = usable.filter((c) => c.source === "reference");
  if (referenced.length > 0 && input.needs.kinds.length === 0) return undefined;
  const specific = input.needs.kinds.some((k) => (SPECIFIC as readonly string[]).includes(k));
  const used: DirectLead["used"] = [];
  // A named clause answers first; what else was found may only add a second sentence.
  const lines =
    input.needs.kinds.includes("duties") && !specific
      ? dutyList(input, referenced.length > 0 ? referenced : usable, used)
      : answerLines(input, usable, used, referenced.length > 0);
  const quoted = usable.map((c) => ({ text: c.articleText, ...(c.authority ? { authority: c.authority } : {}) }));
  return findUnsupported(lines.join("\n"), quoted).length === 0 ? { lines, used } : undefined;
}

/** The article's sentences for this question, best first, with the paragraphs the citation quotes preferred. */
function ranked(c: Citation, input: LeadInput): RankedSegment[] {
  const focus = c.path.length === 0 ? [] : paragraphsOf(c.articleText).flatMap((p, i) => (c.quote.includes(p.split("\n")[0] ?? p) ? [i + 1] : []));
  // Actions come from the articles a sentence cites too (English text: the Chinese one's references).
  const carries = (text: string) => carriesWithReferences(text, (article) => input.articleText?.(c.pcode, article));
  // A clause the asker named by paragraph is answered from that paragraph.
  if (c.source === "reference" && c.path.length > 0)
    return rankSegments(c.quote, [], input.question, input.needs, c.textLang, carries).map((s) => ({ ...s, paragraph: c.path[0] ?? s.paragraph }));
  // A Chinese-only clause under an English question is matched through the question's
  // translations alone: the English words would only dilute the share.
  const expansions = (input.expansions ?? []).join(" ");
  const asked = c.textLang === input.lang ? `${input.question} ${expansions}` : expansions || input.question;
  return rankSegments(c.articleText, focus, asked, input.needs, c.textLang, carries);
}

/** The label of the paragraph a sentence comes from (the article's when it has one paragraph). */
function labelFor(c: Citation, paragraph: number, lang: Lang): string {
  const single = paragraphsOf(c.articleText).length <= 1;
  if (c.path[0] === paragraph && !/、| and /.test(c.label)) return c.label;
  return clauseLabel(c.law, c.article, single ? [] : [paragraph], lang);
}

function answerLines(input: LeadInput, usable: Citation[], used: DirectLead["used"], referenceFirst = false): string[] {
  const candidates = usable.slice(0, RANK_DECAY.length);
  // Each candidate's best sentence, weighed by rank: the sentence that answers, not the article that scored.
  const all = candidates
    .map((c, i) => ({ c, segments: ranked(c, input), decay: (RANK_DECAY[i] ?? 0) * (input.preferred && !input.preferred.has(c.pcode) ? OUT_OF_SCOPE : 1) }))
    .map((x) => ({ ...x, weight: (x.segments[0]?.score ?? 0) * x.decay }))
    .sort((a, b) => b.weight - a.weight);
  // A deadline, amount or authority question is answered by a sentence that states one, when any does.
  const facts = input.needs.kinds.filter((k) => FACT_KINDS.includes(k));
  const stating = all.filter((x) => x.segments[0] && facts.length > 0 && facts.every((k) => clauseCarries(x.segments[0]?.text ?? "").kinds.includes(k)));
  const ordered = stating.length > 0 ? [...stating, ...all.filter((x) => !stating.includes(x))] : all;
  // A named clause leads, unless the question asks for a deadline, amount or authority that
  // only another clause states ("違反第19條罰多少？" is answered by the penalty article).
  const referenceLeads = referenceFirst && (stating.length === 0 || stating.some((x) => x.c.source === "reference"));
  const scored = referenceLeads ? [...ordered.filter((x) => x.c.source === "reference"), ...ordered.filter((x) => x.c.source !== "reference")] : ordered;
  const top = scored[0];
  const best = top?.segments[0];
  if (!top || !best) return [];
  const lines = [line(top.c, [best], input)];
  used.push({ articleId: top.c.articleId, paragraph: best.paragraph });
  const part = secondPart(input, candidates, best.text);
  if (part) {
    lines.push(line(part.c, [part.segment], input));
    used.push({ articleId: part.c.articleId, paragraph: part.segment.paragraph });
    return withNotes(lines, input, candidates);
  }
  // A second sentence: the same article's other paragraph, or another article, that answers about as well.
  const sameArticle = top.segments.find((s) => s !== best && s.paragraph !== best.paragraph && s.score >= best.score * SAME_ARTICLE_SHARE);
  const other = scored[1];
  const otherBest = other?.segments[0];
  if (sameArticle) {
    // "前項監督至少應包含…" cannot be read before the 前項 it refers to.
    const before = sameArticle.paragraph < best.paragraph && /^(?:前[一二三]?項|依前[一二三]?項|The preceding paragraph|Under the preceding)/i.test(best.text);
    const added = line(top.c, [sameArticle], input);
    if (before) lines.unshift(added);
    else lines.push(added);
    used.splice(before ? used.length - 1 : used.length, 0, { articleId: top.c.articleId, paragraph: sameArticle.paragraph });
  } else if (
    other &&
    otherBest &&
    other.weight >= top.weight * SECOND_SHARE &&
    other.c.articleId !== top.c.articleId &&
    (other.c.pcode === top.c.pcode || (facts.length === 0 && input.preferred?.has(other.c.pcode) !== false))
  ) {
    // For a deadline, amount or authority question only the same regulation's other article:
    // another law's deadline beside the answer is how wrong deadlines get read.
    lines.push(line(other.c, [otherBest], input));
    used.push({ articleId: other.c.articleId, paragraph: otherBest.paragraph });
  }
  return withNotes(lines, input, candidates);
}

function withNotes(lines: string[], input: LeadInput, candidates: Citation[]): string[] {
  const missing = missingNote(input, candidates);
  if (missing) lines.unshift(missing);
  const schedule = scheduleNote(lines.join(""), input.lang);
  if (schedule) lines.push(schedule);
  const condition = conditionNote(lines.join(""), input);
  if (condition) lines.push(condition);
  return lines;
}

// "業者之資本額為新臺幣一千萬元以上或保有個人資料筆數達五千筆以上者": a threshold the rule applies above.
const THRESHOLD =
  /(?:^|[，。；：、])([^，。；：]{0,40}?[零〇一二兩三四五六七八九十百千萬\d]+[^，。；：]{0,12}?(?:以上|以下|未滿|超過)[^，。；：]{0,30}?者)[，。；]/u;

/**
 * The rule quoted applies only above a threshold (capital, records held) that the asker
 * did not state: say what is missing, in the clause's words, instead of implying it applies.
 */
function conditionNote(lead: string, input: LeadInput): string | undefined {
  if (/[0-9０-９]|[一二兩三四五六七八九十百千萬]+(?:萬|元|筆|人|名)/.test(input.question)) return undefined;
  const condition = THRESHOLD.exec(lead)?.[1]?.trim();
  if (!condition) return undefined;
  return input.lang === "en"
    ? `This applies only where 「${condition}」 (the clause's words); you did not say whether that is your case.`
    : `這項規定只適用於「${condition}」的情形；您沒有提到這些條件，請先確認是否符合。`;
}

// "…哪些交易資訊？這些資訊要用什麼形式提供？", "what must it tell them, and what must it offer": a question in parts.
const PARTS =
  /[？?]\s*|[，,；;]\s*(?:and\s+|以及|還有|另外|那|又)?(?=(?:what|how|when|who|which|do|does|must|can|is|are)\b|(?:要|該|須|需|必須)?(?:怎麼|如何|什麼|哪些|多久|幾天|誰|是否))/i;

/** The best sentence for the question's last part, when it asks something the first sentence does not answer. */
function secondPart(input: LeadInput, candidates: Citation[], first: string): { c: Citation; segment: RankedSegment } | undefined {
  const parts = input.question
    .split(PARTS)
    .map((p) => p.trim())
    .filter((p) => p.length >= 4);
  const last = parts.at(-1);
  if (parts.length < 2 || !last) return undefined;
  const asked: LeadInput = { ...input, question: last, needs: questionNeeds(last) };
  let found: { c: Citation; segment: RankedSegment; weight: number } | undefined;
  for (const [i, c] of candidates.entries()) {
    // Not the first sentence again, nor another cut of the same list (same introduction).
    const segment = ranked(c, asked).find((s) => !first.includes(s.text) && !s.text.includes(first) && s.text.slice(0, 16) !== first.slice(0, 16));
    const weight = (segment?.score ?? 0) * (RANK_DECAY[i] ?? 0) * (input.preferred && !input.preferred.has(c.pcode) ? OUT_OF_SCOPE : 1);
    if (segment && (!found || weight > found.weight)) found = { c, segment, weight };
  }
  return found;
}

function line(c: Citation, segments: RankedSegment[], input: LeadInput): string {
  const first = segments[0] as RankedSegment;
  return sentence(segments.map((s) => s.text).join(""), c, labelFor(c, first.paragraph, input.lang), input.lang);
}

function dutyList(input: LeadInput, usable: Citation[], used: DirectLead["used"]): string[] {
  const seen = new Set<string>();
  const duties: string[] = [];
  for (const c of usable) {
    if (seen.has(c.articleId) || duties.length >= MAX_DUTIES) continue;
    const best = dutyOf(ranked(c, input));
    if (!best) continue;
    seen.add(c.articleId);
    used.push({ articleId: c.articleId, paragraph: best.paragraph });
    const text = shorten(best.text, c.textLang === "en" ? 360 : 180);
    duties.push(`${duties.length + 1}. ${sentence(text, c, labelFor(c, best.paragraph, input.lang), input.lang)}`);
  }
  if (duties.length < 2) {
    used.length = 0;
    return answerLines(input, usable, used);
  }
  return [input.lang === "en" ? "What the clauses require:" : "依引用條文，應辦理的事項：", ...duties];
}

/**
 * The duty an article contributes to the list: its best sentence, or a nearly as good one of
 * the same article that sets a deadline (報告 within 72 hours is the duty not to miss).
 */
function dutyOf(segments: RankedSegment[]): RankedSegment | undefined {
  const best = segments[0];
  if (!best || clauseCarries(best.text).kinds.includes("deadline")) return best;
  return segments.find((s) => s.score >= best.score * DUTY_DEADLINE_SHARE && clauseCarries(s.text).kinds.includes("deadline")) ?? best;
}

/** A cut sentence with its label, 本部 named; an English reader gets the key figures in English. */
function sentence(segment: string, citation: Citation, label: string, lang: Lang): string {
  const own = segment.replace(/（以下簡稱本[部會署院]）/g, "");
  const named = citation.authority ? own.replace(/本部(?!門)/g, citation.authority) : own;
  const text = named.replace(/[。；;：:,，.]+$/u, "");
  if (lang === "en") {
    if (citation.textLang === "en") return `${text.charAt(0).toUpperCase()}${text.slice(1)} (${label}).`;
    const figures = englishFigures(extractFacts(named));
    return `Under ${label} (official Chinese text; no English translation is published): 「${text}」${figures ? ` Key terms: ${figures}.` : ""}`;
  }
  return `${text}（${label}）。`;
}

const EN_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const EN_UNITS: Record<string, string> = { 小時: "hours", 分鐘: "minutes", 日: "days", 工作日: "working days", 週: "weeks", 月: "months", 年: "years" };
const COUNT_UNITS: Record<string, string> = { 筆: "records", 人: "persons", 件: "cases", 次: "times", 名: "persons", 家: "businesses", 位: "persons" };

/** Durations, amounts, counts and authorities of a Chinese clause, written in English. */
function englishFigures(facts: Fact[]): string {
  const out = facts.flatMap((f) => {
    const n = f.value ?? 0;
    const spelled = n <= 10 && Number.isInteger(n) ? (EN_WORDS[n] ?? String(n)) : n.toLocaleString("en-US");
    const unit = f.key.replace(/^[a-z]+:[\d.]+/, "");
    if (f.kind === "duration") return [`${spelled} ${EN_UNITS[unit] ?? unit}`];
    if (f.kind === "amount") return [`NT$${n.toLocaleString("en-US")}`];
    if (f.kind === "count") return [`${n.toLocaleString("en-US")} ${COUNT_UNITS[unit] ?? unit}`];
    if (f.kind === "percent") return [`${n}%`];
    if (f.kind === "authority") {
      const zh = f.key.slice("authority:".length);
      const en = AUTHORITY_NAMES.find((a) => a.zh === zh)?.en[0];
      return [en ? `${en} (${zh})` : zh];
    }
    return [];
  });
  return [...new Set(out)].join("; ");
}

/** The question asks for a deadline or an amount that none of the clauses sets: say so first. */
function missingNote(input: LeadInput, candidates: Citation[]): string | undefined {
  const wanted = input.needs.kinds.filter((k) => k === "deadline" || k === "amount");
  const kinds = new Set(candidates.flatMap((c) => extractFacts(c.quote).map((f) => f.kind)));
  const absent = wanted.filter((k) => !kinds.has(k === "deadline" ? "duration" : "amount"));
  if (absent.length === 0) return undefined;
  const en = input.lang === "en";
  const what = absent.map((k) => (k === "deadline" ? (en ? "time limit" : "期限") : en ? "amount" : "金額")).join(en ? " or " : "或");
  return en ? `The clauses below set no specific ${what} for this; the closest rule:` : `下列條文沒有就此規定具體${what}；最相關的規定是：`;
}

/** A schedule (附表) or form the clause refers to is an attachment, not part of the article text. */
function scheduleNote(segment: string, lang: Lang): string | undefined {
  if (!/附表|附件/.test(segment)) return undefined;
  return lang === "en"
    ? "The schedule (附表) it refers to is an attachment of the regulation and is not in the article text; see the regulation's page on law.moj.gov.tw."
    : "條文所稱附表為法規附件，不在條文內容中，請至全國法規資料庫該法規頁面下載。";
}
