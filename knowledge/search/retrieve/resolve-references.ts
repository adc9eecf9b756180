import type { KnowledgeBase } from "../../base/knowledge-base.js";
import type { RetrievalQuery, RetrievedArticle } from "../../ports.js";
import { type ForeignLawMention, findForeignLaws } from "../query/foreign-laws.js";
import type { LawMention } from "../query/law-names.js";
import { parseReferences } from "../query/parse-reference.js";
import { normalizeText } from "../text/normalize.js";
import { parseChineseNumber } from "../text/numerals.js";

export interface ResolvedReferences {
  found: RetrievedArticle[];
  /** A reference was written but no such clause exists (個資法第99條). */
  unknown: boolean;
  /** The question is nothing but a reference ("個資法第27條"): cite it alone. */
  onlyReference: boolean;
  /** A law of another jurisdiction the question refers to by article ("GDPR Article 33"): never read as ours. */
  foreignLaw?: string;
  /** The question is nothing but such a reference ("What does GDPR Article 17 say"). */
  onlyForeign: boolean;
}

// Between a law's name and its article: "GDPR Article 33", "GDPR's Art. 17", 「GDPR第33條」.
const GAP_BEFORE = /^(?:[\s》」』"'’,，的之中裡里]{0,3}|\s*'s\s*)$/u;
// "Article 17 of the GDPR", "Art. 33 under the EU GDPR".
const GAP_AFTER = /^\s*(?:of|in|under)?\s*(?:the\s+)?(?:EU'?s?\s+|European\s+)?$/i;

const REFERENCE_SCORE = 1_000;
const CLAUSE_ID = /\b[A-Z]\d{7}:\d+(?:-\d+)?(?::\d+){0,3}\b/gi;
// "那第2項呢？" in a thread about an article: a paragraph (and item) of that article.
const BARE_PARAGRAPH = /第\s*([0-9]+|[一二三四五六七八九十]+)\s*項(?:\s*第\s*([0-9]+|[一二三四五六七八九十]+)\s*款)?|\bparagraph\s+(\d+)/iu;

/**
 * Turns the references in a question into the clauses they name, resolving the law when it
 * is left out. `unknownLaws` are law names the question uses that the corpus does not hold
 * (勞基法 when only the PDPA family is loaded): an article number right after one belongs to
 * that law and is never read as the same number of a law we hold.
 */
export function resolveReferences(
  query: RetrievalQuery,
  mentions: LawMention[],
  kb: KnowledgeBase,
  scope: string[],
  unknownLaws: string[] = [],
): ResolvedReferences {
  const normalizedText = normalizeText(query.text);
  // Found in the original text (acronyms are upper case); normalising keeps every position.
  const foreign = [...findForeignLaws(query.text, mentions), ...spansOf(query.text, unknownLaws)];
  const foreignOf = (start: number, end: number) =>
    foreign.find(
      (f) => (f.end <= start && GAP_BEFORE.test(normalizedText.slice(f.end, start))) || (f.start >= end && GAP_AFTER.test(normalizedText.slice(end, f.start))),
    );
  const foreignRefs = parseReferences(query.text, mentions).filter((ref) => !ref.pcode && foreignOf(ref.start, ref.end));
  const refs = parseReferences(query.text, mentions).filter((ref) => !foreignRefs.includes(ref) && !foreignRefs.some((f) => f.start === ref.start));
  const found: RetrievedArticle[] = [];
  let unknown = false;
  const contextPcode = query.context?.[0]?.split(":")[0];
  for (const ref of refs) {
    // "J0080052 第12條": a PCODE written out names its regulation.
    const written = ref.pcode ? undefined : pcodeBefore(normalizedText, ref.start, kb);
    const candidates = ref.pcode
      ? [ref.pcode]
      : written
        ? [written]
        : [...mentions.map((m) => m.pcode), ...(contextPcode ? [contextPcode] : []), ...scope, ...fallbackRegulations(kb)];
    const pcode = [...new Set(candidates)].find((p) => exists(kb, `${p}:${ref.article}`, ref.path));
    if (!pcode) {
      unknown = true;
      continue;
    }
    const articleId = `${pcode}:${ref.article}`;
    const focusId = ref.path.length > 0 ? `${articleId}:${ref.path.join(":")}` : undefined;
    found.push({ articleId, score: REFERENCE_SCORE - found.length, focus: focusId ? [focusId] : [], source: "reference" });
  }
  // Our own clause ids pasted back (K0010162:8, I0050021:27:1, I0050021:1-1).
  for (const match of query.text.matchAll(CLAUSE_ID)) {
    const [pcode, article, ...path] = match[0].toUpperCase().split(":");
    const articleId = `${pcode}:${article}`;
    const numbers = path.map(Number);
    if (!kb.regulation(pcode ?? "", "zh") || !exists(kb, articleId, numbers)) {
      unknown = true;
      continue;
    }
    const focusId = numbers.length > 0 ? `${articleId}:${numbers.join(":")}` : undefined;
    found.push({ articleId, score: REFERENCE_SCORE - found.length, focus: focusId ? [focusId] : [], source: "reference" });
  }
  const context = query.context?.[0];
  let bareText = "";
  if (refs.length === 0 && context) {
    const bare = BARE_PARAGRAPH.exec(normalizeText(query.text));
    bareText = bare?.[0] ?? "";
    if (bare) {
      const paragraph = parseChineseNumber(bare[1] ?? bare[3] ?? "");
      const item = bare[2] ? parseChineseNumber(bare[2]) : undefined;
      const path = item ? [paragraph, item] : [paragraph];
      if (exists(kb, context, path)) {
        found.push({ articleId: context, score: REFERENCE_SCORE, focus: [`${context}:${path.join(":")}`], source: "reference" });
      } else {
        unknown = true;
      }
    }
  }
  const normalized = normalizeText(query.text);
  const leftoverOf = (text: string) =>
    mentions
      .reduce((t, m) => t.replace(m.text.toLowerCase(), " "), text)
      .replace(CLAUSE_ID, " ")
      .replace(/[a-z]\d{7}/gi, " ")
      .replace(/[\s\p{P}\p{S}]|那|呢|嗎|的|是|什麼|內容|規定|全文|條文|請問|what|about|does|say|says|the|of|text|show|me|and/giu, "");
  const rest = refs.reduce((text, ref) => text.replace(normalized.slice(ref.start, ref.end), " "), normalized).replace(bareText, " ");
  const leftover = leftoverOf(rest);
  // "那第2項呢？" with no article under discussion: a reference we cannot place, not a search.
  if (refs.length === 0 && !context && found.length === 0) {
    const bare = BARE_PARAGRAPH.exec(normalized);
    if (bare && leftoverOf(normalized.replace(bare[0], " ")).length <= 2) unknown = true;
  }
  const firstForeign = foreignRefs[0] && foreignOf(foreignRefs[0].start, foreignRefs[0].end);
  if (!firstForeign) return { found, unknown, onlyReference: found.length > 0 && leftover.length <= 2, onlyForeign: false };
  const withoutForeign = foreign.reduce((text, f) => text.replace(f.name.toLowerCase(), " ").replace(f.name, " "), rest);
  const foreignLeftover = leftoverOf(foreignRefs.reduce((text, ref) => text.replace(normalized.slice(ref.start, ref.end), " "), withoutForeign));
  return {
    found,
    unknown,
    onlyReference: found.length > 0 && leftover.length <= 2,
    foreignLaw: firstForeign.name,
    onlyForeign: found.length === 0 && foreignLeftover.length <= 2,
  };
}

// A bare "第27條" names no law: among a few regulations any of them may be meant, among the
// whole database only the asker's (looking in all 11,547 would read every one of them).
const MAX_FALLBACK_REGULATIONS = 50;

function fallbackRegulations(kb: KnowledgeBase): string[] {
  const all = kb.regulations();
  return all.length <= MAX_FALLBACK_REGULATIONS ? all.map((r) => r.pcode) : [];
}

/** A PCODE (J0080052) the corpus holds, written right before `at`. */
function pcodeBefore(text: string, at: number, kb: KnowledgeBase): string | undefined {
  const match = /([a-z]\d{7})[\s:：,，的之]{0,3}$/i.exec(text.slice(Math.max(0, at - 12), at));
  const pcode = match?.[1]?.toUpperCase();
  return pcode && kb.regulation(pcode, "zh") ? pcode : undefined;
}

/** Where each name stands in the text (first occurrence), as foreign-law mentions. */
function spansOf(text: string, names: string[]): ForeignLawMention[] {
  return names.flatMap((name) => {
    const start = text.indexOf(name);
    return start < 0 ? [] : [{ name, start, end: start + name.length }];
  });
}

function exists(kb: KnowledgeBase, articleId: string, path: number[]): boolean {
  const id = path.length > 0 ? `${articleId}:${path.join(":")}` : articleId;
  const clause = kb.clause(id, "zh");
  return clause !== undefined;
}
