import { normalizeText } from "../text/normalize.js";
import { CURATED_SHORT_NAMES, derivedShortNames, SECTOR_WORDS } from "./short-names.js";

// A phrase found in more regulation names than this is no sector (個人資料, 管理辦法).
const SECTOR_MAX_NAMES = 25;
// Words every kind of regulation is named with: never a sector, however few names hold them.
const GENERIC_NAME_PARTS = [
  "管理辦法",
  "管理規則",
  "施行細則",
  "實施辦法",
  "作業辦法",
  "管理條例",
  "設置條例",
  "組織規程",
  "注意事項",
  "作業要點",
  "審查要點",
  "標準",
  "資料檔案安全維護",
];

/** A place in a question where a regulation is named. */
export interface LawMention {
  pcode: string;
  start: number;
  end: number;
  text: string;
  /**
   * Other regulations the same words name (an ambiguous short name, or a repealed and a
   * current regulation of one name): the mention takes the current one, these are to be
   * mentioned beside it.
   */
  others?: string[];
  /** Found by a short name derived by convention (勞動|基準|法 -> 勞基法), not an official or curated one. */
  derived?: boolean;
}

export interface LawNameEntry {
  pcode: string;
  names: string[];
  /** Chinese official name, status and nature (法律/命令), when known: they order ambiguous names and derive short ones. */
  nameZh?: string;
  status?: string;
  nature?: string;
}

export interface LawNames {
  /** Every non-overlapping mention of a known regulation, longest names first. */
  find(text: string): LawMention[];
  /** Names that look like a regulation but are none the corpus holds (勞基法, Trademark Act). */
  unknownLaws(text: string, known?: LawMention[]): string[];
  /** Regulations whose name contains a phrase (綜合商品零售業 -> J0080062). */
  namesContaining(phrase: string): string[];
  /**
   * Regulations in force whose names begin with a specific phrase of the question (旅行業,
   * 電子支付, 保險業 ...): the sector the question is about, found without any notes. A name
   * begins with its sector; a phrase met inside one names none (加班費 is no sector, though
   * 各機關加班費支給辦法 holds it).
   */
  sectorLaws(text: string): string[];
  /** The official names closest to a name the database does not hold, best first. */
  closest(name: string, limit?: number): Array<{ pcode: string; name: string }>;
}

// Words ending in 法 that no regulation's name ends in (辦法 and 方法 do: 管理辦法).
const NEVER_NAME_ENDINGS = new Set(["合法", "違法", "非法", "依法", "無法", "設法", "守法", "執法", "看法", "想法", "說法", "做法", "作法", "用法", "寫法"]);

// Words ending in 法 that are not names of laws: those, and words some names do end in.
const NOT_LAW_NAMES = new Set([
  ...NEVER_NAME_ENDINGS,
  "方法",
  "辦法",
  "立法",
  "本法",
  "該法",
  "此法",
  "司法",
  "手法",
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

/**
 * "有什麼辦法", "內部的處理方法": a generic word ending in 法 after words that name no
 * regulation. "旅行業管理辦法" ends in one too, but what precedes it names a sector.
 */
function genericTail(name: string): boolean {
  const tail = [4, 3, 2].map((n) => name.slice(-n)).find((t) => NOT_LAW_NAMES.has(t));
  if (!tail) return false;
  // "發票資料依法要保存": 依法, 合法, 違法 … end a clause, never a regulation's name.
  if (NEVER_NAME_ENDINGS.has(tail)) return true;
  const stem = name.slice(0, -tail.length);
  return [...stem].length < 3 || /^(?:有|沒有|什麼|怎麼|如何|哪|我|公司|本公司|貴公司|內部|自己)/u.test(stem);
}

/**
 * Builds the matcher from official names (zh and en), the aliases in knowledge/sources.yaml,
 * the conventional short names of every act and the curated short names (short-names.ts).
 * A key that names several regulations resolves to the one in force (an act before an
 * order), and the mention lists the others.
 */
export function createLawNames(entries: LawNameEntry[]): LawNames {
  const byKey = new Map<string, LawNameEntry[]>();
  const add = (name: string, entry: LawNameEntry) => {
    const key = nameKey(name);
    if (key.length < 2) return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(entry)) list.push(entry);
    byKey.set(key, list);
  };
  const byZhName = new Map<string, LawNameEntry[]>();
  for (const entry of entries) {
    for (const name of entry.names) add(name, entry);
    if (entry.nameZh) byZhName.set(entry.nameZh, [...(byZhName.get(entry.nameZh) ?? []), entry]);
  }
  const official = new Set(byKey.keys());
  // Curated short names first: on a tie they win over a derived one (性平法 is 性別平等工作法,
  // not 性別平等教育法, which the convention derives too).
  for (const [short, full] of Object.entries(CURATED_SHORT_NAMES)) for (const entry of byZhName.get(full) ?? []) add(short, entry);
  const derivedKeys = new Set<string>();
  for (const entry of entries) {
    if (!entry.nameZh || (entry.nature !== "法律" && !/施行細則$/.test(entry.nameZh))) continue;
    // A derived short name never shadows an official name or an alias.
    // Nor one that ends in an everyday word: 有限|合夥法 -> 有合法, as in "沒有合法依據".
    for (const short of derivedShortNames(entry.nameZh)) {
      if (official.has(nameKey(short)) || NEVER_NAME_ENDINGS.has(short.slice(-2))) continue;
      add(short, entry);
      derivedKeys.add(nameKey(short));
    }
  }
  for (const short of Object.keys(CURATED_SHORT_NAMES)) derivedKeys.delete(nameKey(short));
  const rank = (e: LawNameEntry) => (e.status === "repealed" ? 2 : 0) + (e.nature === "法律" ? 0 : 1);
  const keyed: Array<{ key: string; pcode: string; latin: boolean; others: string[]; derived: boolean }> = [];
  for (const [key, list] of byKey) {
    const sorted = [...list].sort((a, b) => rank(a) - rank(b));
    const [first, ...rest] = sorted;
    if (first) keyed.push({ key, pcode: first.pcode, latin: /^[\x20-\x7e]+$/.test(key), others: rest.map((e) => e.pcode), derived: derivedKeys.has(key) });
  }
  keyed.sort((a, b) => b.key.length - a.key.length);
  const names = entries.map((e) => ({ pcode: e.pcode, name: e.nameZh ?? e.names[0] ?? "", repealed: e.status === "repealed" }));

  function find(text: string): LawMention[] {
    const haystack = normalizeText(text);
    const taken: boolean[] = new Array(haystack.length).fill(false);
    const mentions: LawMention[] = [];
    for (const { key, pcode, latin, others, derived } of keyed) {
      let from = 0;
      for (;;) {
        const start = latin ? latinIndexOf(haystack, key, from) : haystack.indexOf(key, from);
        if (start < 0) break;
        const end = start + key.length;
        from = end;
        if (taken.slice(start, end).some(Boolean)) continue;
        for (let i = start; i < end; i++) taken[i] = true;
        mentions.push({ pcode, start, end, text: text.slice(start, end), ...(others.length > 0 ? { others } : {}), ...(derived ? { derived } : {}) });
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
      if (!name || NOT_LAW_NAMES.has(name) || genericTail(name)) continue;
      // "依照旅行業管理辦法": the name follows the preposition.
      const named = name.replace(/^(?:依照|依據|根據|按照|違反|符合|依|按|照)/u, "");
      if (!named || NOT_LAW_NAMES.has(named) || [...named].length < 3) continue;
      if (!knows(named)) unknown.push(named);
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

  function closest(name: string, limit = 3): Array<{ pcode: string; name: string }> {
    const wanted = bigrams(nameKey(name));
    if (wanted.size === 0) return [];
    const scored: Array<{ pcode: string; name: string; score: number }> = [];
    for (const entry of names) {
      const have = bigrams(nameKey(entry.name));
      let shared = 0;
      for (const b of wanted) if (have.has(b)) shared++;
      // Dice coefficient over character bigrams; a repealed regulation only breaks ties.
      const score = (2 * shared) / (wanted.size + have.size) - (entry.repealed ? 0.01 : 0);
      if (shared > 0) scored.push({ pcode: entry.pcode, name: entry.name, score });
    }
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ pcode, name: found }) => ({ pcode, name: found }));
  }

  // Character bigrams of names in force -> their positions in `current`, for sectorLaws.
  const current = names.filter((n) => !n.repealed && /\p{Script=Han}/u.test(n.name));
  const nameBigrams = new Map<string, number[]>();
  current.forEach((entry, index) => {
    for (const b of bigrams(entry.name)) {
      const list = nameBigrams.get(b);
      if (list) list.push(index);
      else nameBigrams.set(b, [index]);
    }
  });

  function sectorLaws(text: string): string[] {
    let haystack = normalizeText(text);
    for (const [word, phrase] of Object.entries(SECTOR_WORDS)) if (haystack.includes(word)) haystack += ` ${phrase}`;
    const found = new Set<string>();
    for (const run of haystack.match(/\p{Script=Han}{3,}/gu) ?? []) {
      const chars = [...run];
      for (let i = 0; i + 3 <= chars.length; i++) {
        for (let length = Math.min(8, chars.length - i); length >= 3; length--) {
          const phrase = chars.slice(i, i + length).join("");
          if (GENERIC_NAME_PARTS.some((part) => part.includes(phrase))) continue;
          const pcodes = namesWithPhrase(phrase);
          if (pcodes.length === 0) continue;
          if (pcodes.length <= SECTOR_MAX_NAMES) for (const p of pcodes) found.add(p);
          break;
        }
      }
    }
    return [...found];
  }

  /** Names in force that begin with the phrase. */
  function namesWithPhrase(phrase: string): string[] {
    let rarest: number[] | undefined;
    for (const b of bigrams(phrase)) {
      const list = nameBigrams.get(b);
      if (!list) return [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return [...new Set((rarest ?? []).filter((i) => current[i]?.name.startsWith(phrase)).map((i) => current[i]?.pcode ?? ""))];
  }

  return { find, unknownLaws, namesContaining, sectorLaws, closest };
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/\s+/g, "")];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
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
