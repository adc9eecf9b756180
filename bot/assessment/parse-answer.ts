import type { CheckResult } from "../../knowledge/index.js";

/**
 * Reads a typed answer to a checklist item: 是 / 否 / 不適用 in the many ways people say
 * them ("有", "已建立", "還沒", "沒有", "yes", "n/a", "不適用，我們沒有委外"). The words
 * after the answer become the evidence note. When the text hedges ("部分有", "不確定") or
 * says two things, the result is ambiguous and the engine asks again rather than guess.
 */
export type ParsedAnswer = { kind: "answer"; result: CheckResult; note?: string } | { kind: "ambiguous" } | { kind: "none" };

// Order matters: 不適用 before 不/否, 沒有 before 有, 尚未 before 已.
const NA = /^(不適用|無適用|不需適用|n\/?a\b|not applicable|does not apply|doesn'?t apply|irrelevant)/i;
const NO = /^(否|不是|不符合|沒有|沒|無|未|尚未|還沒|還未|不曾|從未|不|no\b|nope\b|not yet\b|not\b|we don'?t\b|we do not\b|we haven'?t\b|we have not\b|n\b)/i;
const YES = /^(是|是的|有|有的|已|已經|對|沒錯|符合|當然|完成|yes\b|yep\b|yeah\b|y\b|done\b|we do\b|we have\b|correct\b|sure\b|true\b)/i;
const HEDGE =
  /(部分|一部分|不確定|不清楚|不知道|大概|也許|或許|可能|好像|應該有吧|看情況|不一定|partly|partially|partial|not sure|unsure|maybe|perhaps|sometimes|depends|i think|kind of|sort of|[?？])/i;

export function parseAnswer(raw: string): ParsedAnswer {
  const text = raw.trim().replace(/^[「"'“]+|[」"'”]+$/g, "");
  if (text === "") return { kind: "none" };
  const head = text.split(/[，,。.;；:：！!\n]/)[0]?.trim() ?? "";
  if (HEDGE.test(head)) return { kind: "ambiguous" };
  const match = matchResult(head);
  if (!match) return { kind: "none" };
  // "是，已於 2024/3 公告": the words after the answer are the note. "已建立委外監督程序":
  // the whole text says what exists and is the note. "已建立", "尚未訂定" only restate it.
  const afterWord = text.slice(match.length);
  const separated = afterWord === "" || /^[\s，,。.;；:：、！!-]/.test(afterWord);
  const rest = afterWord.replace(/^[\s，,。.;；:：、！!-]+/, "").trim();
  const note = [...text].length <= 4 ? "" : separated ? rest : text;
  return { kind: "answer", result: match.result, ...(note ? { note } : {}) };
}

function matchResult(head: string): { result: CheckResult; word: string; length: number } | undefined {
  for (const [result, pattern] of [
    ["na", NA],
    ["no", NO],
    ["yes", YES],
  ] as const) {
    const found = pattern.exec(head);
    if (found?.[1]) return { result, word: found[1], length: found[0].length };
  }
  return undefined;
}
