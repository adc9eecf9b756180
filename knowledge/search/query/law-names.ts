import { normalizeText } from "../text/normalize.js";

/** A place in a question where a regulation is named. */
export interface LawMention {
  pcode: string;
  start: number;
  end: number;
  text: string;
}

export interface LawNameEntry {
  pcode: string;
  names: string[];
}

export interface LawNames {
  /** Every non-overlapping mention of a known regulation, longest names first. */
  find(text: string): LawMention[];
  /** Names that look like a regulation but are none the corpus holds (勞基法, Trademark Act). */
  unknownLaws(text: string, known?: LawMention[]): string[];
  /** Regulations whose name contains a phrase (綜合商品零售業 -> J0080062). */
  namesContaining(phrase: string): string[];
}

// Words ending in 法 that are not names of laws.
const NOT_LAW_NAMES = new Set([
  "方法",
  "辦法",
  "做法",
  "作法",
  "看法",
  "想法",
  "說法",
  "合法",
  "違法",
  "非法",
  "依法",
  "用法",
  "無法",
  "設法",
  "立法",
  "本法",
  "該法",
  "此法",
  "執法",
  "守法",
  "司法",
  "手法",
  "寫法",
  "算法",
  "演算法",
  "法",
  "取法",
  "處理方法",
  "解決方法",
  "計算方法",
  "刪除方法",
  "銷毀方法",
  "處理辦法",
  "管理辦法",
  "作業辦法",
  "相關辦法",
  "新法",
  "舊法",
  "母法",
  "子法",
]);
const ZH_LAW_LIKE =
  /《([^》]{2,40})》|([\p{Script=Han}]{1,12}(?:法|條例|細則|辦法|規則|準則))(?=第|規定|有|的|上|裡|中|是|要|對|跟|和|嗎|說|\s|，|、|。|？|\?|$)/gu;
const EN_LAW_LIKE = /\b((?:[A-Z][A-Za-z'’]+\s+){1,6}(?:Act|Law|Code|Regulations?|Rules))\b/g;

/** Builds the matcher from official names (zh and en) and the aliases in knowledge/sources.yaml. */
export function createLawNames(entries: LawNameEntry[]): LawNames {
  const keyed: Array<{ key: string; pcode: string; latin: boolean }> = [];
  for (const entry of entries) {
    for (const name of entry.names) {
      const key = nameKey(name);
      if (key.length >= 2) keyed.push({ key, pcode: entry.pcode, latin: /^[\x20-\x7e]+$/.test(key) });
    }
  }
  keyed.sort((a, b) => b.key.length - a.key.length);

  function find(text: string): LawMention[] {
    const haystack = normalizeText(text);
    const taken: boolean[] = new Array(haystack.length).fill(false);
    const mentions: LawMention[] = [];
    for (const { key, pcode, latin } of keyed) {
      let from = 0;
      for (;;) {
        const start = latin ? latinIndexOf(haystack, key, from) : haystack.indexOf(key, from);
        if (start < 0) break;
        const end = start + key.length;
        from = end;
        if (taken.slice(start, end).some(Boolean)) continue;
        for (let i = start; i < end; i++) taken[i] = true;
        mentions.push({ pcode, start, end, text: text.slice(start, end) });
      }
    }
    return mentions.sort((a, b) => a.start - b.start);
  }

  function knows(name: string): boolean {
    const key = nameKey(name);
    return keyed.some((k) => k.key === key || (key.length >= 4 && (k.key.includes(key) || key.includes(k.key))));
  }

  function unknownLaws(text: string, known = find(text)): string[] {
    const unknown: string[] = [];
    for (const match of text.matchAll(ZH_LAW_LIKE)) {
      // The regex cannot see word boundaries: drop a leading "我們的", "跟" ...
      const name = (match[1] ?? (match[2] ?? "").replace(/^.*[的把跟和與對在從向說問想看查用]/u, "")).trim();
      const start = match.index ?? 0;
      if (known.some((m) => start < m.end && m.start < start + match[0].length)) continue;
      // "流程依法", "有什麼辦法": a generic word ending in 法 is no law's name.
      if (!name || NOT_LAW_NAMES.has(name) || NOT_LAW_NAMES.has(name.slice(-2)) || NOT_LAW_NAMES.has(name.slice(-3))) continue;
      if (/^(?:依|按|照|根據|違反|依照|依據|符合)/.test(name)) continue;
      if (!knows(name)) unknown.push(name);
    }
    for (const match of text.matchAll(EN_LAW_LIKE)) {
      const name = (match[1] ?? "").trim().replace(/^(?:The|Taiwan'?s?|Under|Does|Do|Is|Are|Our|Per)\s+/g, "");
      if (name.split(/\s+/).length >= 2 && !knows(name)) unknown.push(name);
    }
    return unknown;
  }

  function namesContaining(phrase: string): string[] {
    const key = nameKey(phrase);
    return [...new Set(keyed.filter((k) => k.key.includes(key)).map((k) => k.pcode))];
  }

  return { find, unknownLaws, namesContaining };
}

function nameKey(name: string): string {
  const normalized = normalizeText(name).trim();
  return /[\p{Script=Han}]/u.test(normalized) ? normalized.replace(/\s+/g, "") : normalized.replace(/\s+/g, " ");
}

/** indexOf for Latin names that must stand as whole words ("cpa" must not match "cpanel"). */
function latinIndexOf(haystack: string, key: string, from: number): number {
  let start = haystack.indexOf(key, from);
  while (start >= 0) {
    const before = haystack[start - 1] ?? " ";
    const after = haystack[start + key.length] ?? " ";
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return start;
    start = haystack.indexOf(key, start + 1);
  }
  return -1;
}
