import type { KnowledgeBase } from "../../base/knowledge-base.js";
import type { RetrievalQuery, RetrievedArticle } from "../../ports.js";
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
}

const REFERENCE_SCORE = 1_000;
// "那第2項呢？" in a thread about an article: a paragraph (and item) of that article.
const BARE_PARAGRAPH = /第\s*([0-9]+|[一二三四五六七八九十]+)\s*項(?:\s*第\s*([0-9]+|[一二三四五六七八九十]+)\s*款)?|\bparagraph\s+(\d+)/iu;

/** Turns the references in a question into the clauses they name, resolving the law when it is left out. */
export function resolveReferences(query: RetrievalQuery, mentions: LawMention[], kb: KnowledgeBase, scope: string[]): ResolvedReferences {
  const refs = parseReferences(query.text, mentions);
  const found: RetrievedArticle[] = [];
  let unknown = false;
  const contextPcode = query.context?.[0]?.split(":")[0];
  for (const ref of refs) {
    const candidates = ref.pcode
      ? [ref.pcode]
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
  const rest = refs.reduce((text, ref) => text.replace(normalized.slice(ref.start, ref.end), " "), normalized).replace(bareText, " ");
  const leftover = mentions
    .reduce((text, m) => text.replace(m.text.toLowerCase(), " "), rest)
    .replace(/[\s\p{P}\p{S}]|那|呢|嗎|的|是|什麼|內容|規定|全文|條文|請問|what|about|does|say|says|the|of|text|show|me|and/giu, "");
  return { found, unknown, onlyReference: found.length > 0 && leftover.length <= 2 };
}

// A bare "第27條" names no law: among a few regulations any of them may be meant, among the
// whole database only the asker's (looking in all 11,547 would read every one of them).
const MAX_FALLBACK_REGULATIONS = 50;

function fallbackRegulations(kb: KnowledgeBase): string[] {
  const all = kb.regulations();
  return all.length <= MAX_FALLBACK_REGULATIONS ? all.map((r) => r.pcode) : [];
}

function exists(kb: KnowledgeBase, articleId: string, path: number[]): boolean {
  const id = path.length > 0 ? `${articleId}:${path.join(":")}` : articleId;
  const clause = kb.clause(id, "zh");
  return clause !== undefined;
}
