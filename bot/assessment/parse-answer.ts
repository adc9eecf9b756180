import type { CheckResult } from "../../knowledge/index.js";
import {
  BRACKETED,
  BUT,
  BUT_NOT,
  CLAUSE_BREAK,
  CONTRADICTION,
  EMOJI,
  HEDGE,
  LEAD_NA,
  LEAD_NO,
  LEAD_YES,
  LEAD_YES_DESPITE_NEGATION,
  NA_CLAUSE_ONLY,
  NA_INSIDE,
  NEGATION_INSIDE,
  NOTE_LEAD,
  PARTICLES,
  YES_INSIDE,
} from "./answer-words.js";

/**
 * Reads a typed answer to a checklist item: 是 / 否 / 不適用 in the many ways people say
 * them ("有", "還沒", "我們目前沒有這份文件", "沒有委外，所以不適用", "yes", "n/a", ✅, ❌).
 * The rest of the text becomes the evidence note. When the text hedges ("部分有",
 * "不確定") or says two things ("有也沒有", "有，但還沒全部簽"), the result is ambiguous
 * and the engine asks again rather than guess.
 */
export type ParsedAnswer = { kind: "answer"; result: CheckResult; note?: string } | { kind: "ambiguous" } | { kind: "none" };

const NONE: ParsedAnswer = { kind: "none" };
const AMBIGUOUS: ParsedAnswer = { kind: "ambiguous" };

export function parseAnswer(raw: string): ParsedAnswer {
  const text = raw.trim().replace(/^[「"'“]+|[」"'”]+$/g, "");
  if (text === "") return NONE;
  const signs = new Set<CheckResult>();
  let body = text;
  for (const [result, pattern] of EMOJI) {
    if (body.search(pattern) >= 0) signs.add(result);
    body = body.replace(pattern, " ");
  }
  body = body.replace(NOTE_LEAD, "").trim();
  if (signs.size > 1) return AMBIGUOUS;
  const sign = [...signs][0];
  if (!sign) return readWords(body);
  if (body === "") return { kind: "answer", result: sign };
  const words = readWords(body);
  if (words.kind === "ambiguous") return AMBIGUOUS;
  if (words.kind === "none") return { kind: "answer", result: sign, note: body };
  const result = combine(sign, words.result);
  return result ? { kind: "answer", result, ...(words.note ? { note: words.note } : {}) } : AMBIGUOUS;
}

/** An emoji and the words agree, or one is 不適用 and the other its reason (a no). */
function combine(a: CheckResult, b: CheckResult): CheckResult | undefined {
  if (a === b) return a;
  if ((a === "na" && b === "no") || (a === "no" && b === "na")) return "na";
  return undefined;
}

function readWords(text: string): ParsedAnswer {
  if (text === "") return NONE;
  if (CONTRADICTION.test(text)) return AMBIGUOUS;
  const clauses = splitClauses(text);
  const head = clauses[0]?.text.trim() ?? "";
  if (HEDGE.test(head)) return AMBIGUOUS;
  const naAt = clauses.findIndex((c) => NA_INSIDE.test(c.text));
  const lead = leadingWord(head);
  if (lead?.result === "na") return answer("na", noteAfterWord(text, lead));
  if (naAt >= 0) {
    // "是，不適用" says two things; "沒有實體店面，不適用" gives 不適用 with its reason.
    if (lead?.result === "yes" && naAt > 0) return AMBIGUOUS;
    return answer("na", reasonOf(text, clauses, naAt));
  }
  if (lead) {
    const takesBack = clauses.slice(1).some((c) => BUT.test(c.text) && NEGATION_INSIDE.test(c.text)) || BUT_NOT.test(head.slice(lead.length));
    if (lead.result === "yes" && takesBack) return AMBIGUOUS;
    return answer(lead.result, noteAfterWord(text, lead));
  }
  // No answer word first: "我們目前沒有這份文件", "公司已經跟物流廠商簽了保密條款".
  const negative = clauses.filter((c) => NEGATION_INSIDE.test(c.text));
  const positive = clauses.filter((c) => YES_INSIDE.test(c.text));
  if ([...negative, ...positive].some((c) => HEDGE.test(c.text))) return AMBIGUOUS;
  if (negative.length > 0 && positive.length > 0) return AMBIGUOUS;
  if (negative.length > 0) return answer("no", text);
  if (positive.length > 0) return answer("yes", text);
  return NONE;
}

function answer(result: CheckResult, note: string): ParsedAnswer {
  return { kind: "answer", result, ...(note ? { note } : {}) };
}

interface Clause {
  text: string;
  start: number;
}

function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  let rest = text;
  for (let at = rest.search(CLAUSE_BREAK); at >= 0; at = rest.search(CLAUSE_BREAK)) {
    clauses.push({ text: rest.slice(0, at), start });
    start += at + 1;
    rest = rest.slice(at + 1);
  }
  clauses.push({ text: rest, start });
  return clauses.filter((c) => c.text.trim() !== "");
}

/** `sentence`: the word begins a sentence ("we don't have …"), which is then the note as a whole. */
function leadingWord(head: string): { result: CheckResult; length: number; sentence?: boolean } | undefined {
  const agrees = LEAD_YES_DESPITE_NEGATION.exec(head);
  if (agrees) return { result: "yes", length: agrees[0].length };
  for (const [result, pattern] of [
    ["na", LEAD_NA],
    ["no", LEAD_NO],
    ["yes", LEAD_YES],
  ] as const) {
    const found = pattern.exec(head);
    if (found?.[1]) {
      const particles = PARTICLES.exec(head.slice(found[0].length))?.[0] ?? "";
      return { result, length: found[0].length + particles.length, sentence: /^we\b/i.test(found[1]) };
    }
  }
  return undefined;
}

/**
 * "是，已於 2024/3 公告": the words after the answer are the note. "已建立委外監督程序":
 * the whole text says what exists and is the note. "已建立", "尚未訂定" only restate it.
 */
function noteAfterWord(text: string, lead: { length: number; sentence?: boolean }): string {
  if ([...text].length <= 4) return "";
  const afterWord = text.slice(lead.length);
  const first = afterWord.slice(0, 1);
  const separated = afterWord === "" || (lead.sentence ? NOTE_LEAD.test(first) && first.trim() !== "" : NOTE_LEAD.test(first));
  if (!separated) return text;
  const bracketed = BRACKETED.exec(afterWord)?.[1];
  return (bracketed ?? afterWord.replace(NOTE_LEAD, "")).trim();
}

/** The reason given for 不適用: the text without a trailing or leading "所以不適用" clause. */
function reasonOf(text: string, clauses: Clause[], naAt: number): string {
  const clause = clauses[naAt];
  if (!clause || !NA_CLAUSE_ONLY.test(clause.text)) return text;
  const before = text.slice(0, clause.start).replace(/[\s，,。.;；:：、！!]+$/, "");
  const after = text.slice(clause.start + clause.text.length).replace(NOTE_LEAD, "");
  return [before, after]
    .filter((s) => s.trim() !== "")
    .join("，")
    .trim();
}
