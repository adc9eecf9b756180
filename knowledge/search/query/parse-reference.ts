import { normalizeText } from "../text/normalize.js";
import { parseChineseNumber } from "../text/numerals.js";
import type { LawMention } from "./law-names.js";

/**
 * An explicit clause reference in a question: 個資法第27條, 施行細則第8條,
 * 第9條第1項第12款, 第十九條之二, PDPA Article 27, Art. 27(1) of the Enforcement Rules.
 */
export interface ClauseReference {
  /** PCODE of the law named next to the reference; undefined when none is named. */
  pcode?: string;
  article: string;
  /** [paragraph, item, subItem] as far as given. */
  path: number[];
  start: number;
  end: number;
}

const NUM = "[0-9０-９]+|[零〇一二兩三四五六七八九十百]+";
const ZH_REF = new RegExp(
  `第?\\s*(${NUM})\\s*(?:-\\s*(${NUM})\\s*)?條(?:\\s*之\\s*(${NUM}))?` +
    `(?:\\s*第\\s*(${NUM})\\s*項)?(?:\\s*第\\s*(${NUM})\\s*款)?(?:\\s*第\\s*(${NUM})\\s*目)?`,
  "gu",
);
const EN_REF =
  /\b(?:article|art\.?|section|sec\.?)\s*(\d+)(?:\s*-\s*(\d+))?((?:\s*\(\s*\d+\s*\)){0,3})(?:,?\s*(?:paragraph|para\.?)\s*(\d+))?(?:,?\s*(?:subparagraph|item|subpara\.?)\s*(\d+))?/gi;

/** Finds every clause reference and attaches the law named closest to it. */
export function parseReferences(text: string, mentions: LawMention[]): ClauseReference[] {
  const normalized = normalizeText(text);
  const refs: ClauseReference[] = [];
  for (const match of normalized.matchAll(ZH_REF)) {
    const main = num(match[1]);
    if (main === undefined) continue;
    // "第" is optional only when a law name stands right before ("個資法27條").
    const start = match.index ?? 0;
    const hasDi = match[0].trimStart().startsWith("第");
    const law = lawBefore(mentions, start, normalized);
    if (!hasDi && !law) continue;
    const sub = num(match[2]) ?? num(match[3]);
    const path = [num(match[4]), num(match[5]), num(match[6])];
    refs.push({ ...(law ? { pcode: law } : {}), article: sub ? `${main}-${sub}` : String(main), path: trimPath(path), start, end: start + match[0].length });
  }
  for (const match of normalized.matchAll(EN_REF)) {
    const main = num(match[1]);
    if (main === undefined) continue;
    const sub = num(match[2]);
    const parens = [...(match[3] ?? "").matchAll(/\d+/g)].map((m) => Number(m[0]));
    const path = parens.length > 0 ? parens : [num(match[4]), num(match[5])];
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const law = lawAfter(mentions, end, normalized) ?? lawBefore(mentions, start, normalized);
    refs.push({ ...(law ? { pcode: law } : {}), article: sub ? `${main}-${sub}` : String(main), path: trimPath(path), start, end });
  }
  return refs.sort((a, b) => a.start - b.start);
}

function num(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = parseChineseNumber(normalizeText(raw));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function trimPath(path: Array<number | undefined>): number[] {
  const out: number[] = [];
  for (const part of path) {
    if (part === undefined) break;
    out.push(part);
  }
  return out;
}

/** The law named just before `start`, with at most a few connecting characters between. */
function lawBefore(mentions: LawMention[], start: number, text: string): string | undefined {
  const before = mentions.filter((m) => m.end <= start).at(-1);
  if (!before) return undefined;
  const gap = text.slice(before.end, start);
  return /^[\s》」』"'’,，的之中裡里]{0,3}$/u.test(gap) || /^\s*(?:'s)?\s*$/.test(gap) ? before.pcode : undefined;
}

/** The law named just after an English reference: "Article 27 of the PDPA". */
function lawAfter(mentions: LawMention[], end: number, text: string): string | undefined {
  const after = mentions.find((m) => m.start >= end);
  if (!after) return undefined;
  const gap = text.slice(end, after.start);
  return /^\s*(?:of|in|under)?\s*(?:the\s+)?(?:taiwan'?s?\s+)?$/i.test(gap) ? after.pcode : undefined;
}
