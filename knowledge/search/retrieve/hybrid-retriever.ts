import { LRUCache } from "lru-cache";
import type { KnowledgeBase } from "../../base/knowledge-base.js";
import { articleIdOf, type ClauseRecord, MAX_FULL_TEXT_CHARS } from "../../clause.js";
import type { RetrievalQuery, RetrievalResult, RetrievedArticle, Retriever } from "../../ports.js";
import type { TranslationTable } from "../index/lexical-data.js";
import type { Bm25fIndex } from "../lexical/bm25f.js";
import type { DocInfo } from "../lexical/postings.js";
import type { GlossaryMatcher } from "../query/glossary-matcher.js";
import type { LawNames } from "../query/law-names.js";
import { nonLegalKind } from "../query/non-legal.js";
import type { OutOfScopeMatcher } from "../query/out-of-scope-matcher.js";
import type { Analyzer } from "../text/analyzer.js";
import { decideAbstention } from "./abstention.js";
import { questionNeeds } from "./answer-kinds.js";
import { chooseFocus } from "./focus.js";
import { buildQueryTerms, type QueryWeights } from "./query-terms.js";
import { createQuestionLaws, foreignLawAsked, withoutNames } from "./question-laws.js";
import { resolveReferences } from "./resolve-references.js";

/** Nearest neighbours by meaning; implemented over HNSWLib in ingest/index. */
export interface VectorSearch {
  search(text: string, k: number): Promise<Array<{ id: string; similarity: number }>>;
}

export interface HybridOptions {
  /** Regulations that apply to the asker, e.g. online retail: PDPA, its Enforcement Rules, K0010162, CPA. */
  scope: string[];
  /**
   * The regulations our knowledge describes (sources.yaml). Among 11,547 regulations the
   * document frequencies of the whole database no longer tell their articles apart (個人資料
   * is rare nationally, so every PDPA article scores on it): they are ranked among
   * themselves, as a corpus of just them would rank them, and the rest of the database by
   * the national statistics.
   */
  home?: string[];
  /** Weight of the vector ranking in the fusion; 0 turns the vector side off (the bm25 pipeline). */
  vectorWeight: number;
  maxCitations: number;
  /** A hit is cited when its fused score is at least this share of the best hit's. */
  relativeCutoff: number;
  weights?: QueryWeights;
}

export interface HybridDeps {
  kb: KnowledgeBase;
  analyzer: Analyzer;
  docs: DocInfo[];
  lexical: Bm25fIndex;
  cases: Array<{ id: string; articles: string[] }>;
  caseIndex: Bm25fIndex;
  translation: TranslationTable;
  glossary: GlossaryMatcher;
  lawNames: LawNames;
  otherFields: OutOfScopeMatcher;
  vectors?: VectorSearch;
}

const CANDIDATES = 50;
/** Articles of a neighbouring field's regulations named when the question is left to that field. */
const MAX_POINTERS = 3;
// Priors on regulations (multiplicative). A regulation outside the asker's scope (the
// Cyber Security Management Act binds agencies and critical infrastructure, not a web shop)
// surfaces only when it is named or clearly better: "委外" is literally its word, but an
// online retailer asking about 委外 needs the PDPA Enforcement Rules Art. 8.
// Measured over the national database (held-out sets, 2026-12): 0.3 kept retailers' own
// questions first but buried fair-trade, labour and product questions (recall@5 0.44);
// 0.6 found those (0.49, recall@1 0.22 -> 0.27) with the retailer's questions unchanged;
// 0.75 began to push the PDPA family out of retailers' top five.
const OUT_OF_SCOPE_PRIOR = 0.6;
const REPEALED_PRIOR = 0.5;
const MENTIONED_PRIOR = 1.6;
// A question naming a regulation outside the asker's scope is about that regulation: the
// others (the retailer's own included) weigh this much, so that the named one's articles
// are among the candidates, which then list them first.
const NOT_NAMED_PRIOR = 0.2;

/** Lexical BM25F fused with a vector ranking, with exact references first. */
export function createHybridRetriever(deps: HybridDeps, options: HybridOptions): Retriever {
  const docIndex = new Map(deps.docs.map((doc, i) => [doc.id, i]));
  const homeSet = new Set(options.home ?? []);
  const home = new Uint8Array(deps.docs.length);
  let homeCount = 0;
  deps.docs.forEach((doc, i) => {
    if (homeSet.has(doc.pcode)) {
      home[i] = 1;
      homeCount++;
    }
  });
  // Only worth a second pass when home is a part of the corpus, not all of it.
  const homeIndex = homeCount > 0 && homeCount < deps.docs.length ? deps.lexical.restrict?.(home) : undefined;

  // Terms of a paragraph or item, analysed once and kept: the text never changes.
  // Bounded: over the national database the quoted parts would otherwise pile up.
  const partTerms = new LRUCache<string, Set<string>>({ max: 20_000 });
  const termsOf = (part: ClauseRecord): Set<string> => {
    const known = partTerms.get(part.id);
    if (known) return known;
    // A part of megabytes (a valid but huge article) is judged by the beginning that can be quoted.
    const terms = new Set(deps.analyzer.terms(part.text.slice(0, MAX_FULL_TEXT_CHARS)));
    partTerms.set(part.id, terms);
    return terms;
  };

  const articleText = (pcode: string, article: string) => deps.kb.clause(`${pcode}:${article}`, "zh")?.text;
  const pointedAt = createQuestionLaws(deps);

  async function retrieve(query: RetrievalQuery): Promise<RetrievalResult> {
    const limit = query.limit ?? options.maxCitations;
    const mentions = deps.lawNames.find(query.text);
    const unknownLaws = deps.lawNames.unknownLaws(query.text, mentions);
    const references = resolveReferences(query, mentions, deps.kb, options.scope, unknownLaws);
    const { terms, concepts, expansions } = buildQueryTerms(withoutNames(query.text, mentions), query.lang, {
      analyzer: deps.analyzer,
      glossary: deps.glossary,
      translation: deps.translation,
      ...(options.weights ? { weights: options.weights } : {}),
    });
    const otherFields = deps.otherFields.match(query.text);
    const named = [...new Set([...mentions.map((m) => m.pcode), ...pointedAt.byConcepts(concepts)])];
    const authorityLaws = pointedAt.ofAuthorities(query.text);
    // Mainly about a neighbouring field, the question searches the field's regulations as if
    // it had named them (and is then left to the field, see answeredElsewhere); half about
    // duties of ours, they rank as in scope beside ours.
    const { laws: fieldLaws, leads: fieldLeads } = pointedAt.ofField(otherFields, { namesRegulation: mentions.length > 0, concepts, authorityLaws });
    const mentioned = [...new Set([...named, ...(fieldLeads ? fieldLaws : [])])];
    // The asker's scope is a preference, not a wall: a sector or an authority the question names is in scope too.
    const pointedSectors = [...deps.lawNames.sectorLaws(query.text), ...authorityLaws];
    const sectors = new Set([...pointedSectors, ...(fieldLeads ? [] : fieldLaws)]);
    // A question that names a regulation outside the asker's scope ("菸害防制法准不准網店賣香菸？")
    // is asked in that regulation's scope: the retailer's own rules no longer lead it. Not on
    // a conventionally derived short name alone: 全民|國防…法 -> 全國法 is also in 全國法規.
    const scope = mentions.some((m) => !m.derived && !options.scope.includes(m.pcode)) ? mentions.map((m) => m.pcode) : options.scope;
    const inScope = (i: number) => scope.includes((deps.docs[i] as DocInfo).pcode);
    const needs = questionNeeds(query.text);
    const fused = deps.lexical.score(terms);
    normalize(fused, (i) => prior(deps.docs[i] as DocInfo, mentioned, sectors, scope));
    if (homeIndex) {
      // Home articles keep their order among themselves; as a group they weigh what their best
      // one weighs against the whole database (1 for a retailer's own question).
      let homeBest = 0;
      for (let i = 0; i < fused.length; i++) if (home[i] === 1 && (fused[i] as number) > homeBest) homeBest = fused[i] as number;
      const local = homeIndex.score(terms);
      normalize(local, (i) => prior(deps.docs[i] as DocInfo, mentioned, sectors, scope));
      for (let i = 0; i < fused.length; i++) if (home[i] === 1) fused[i] = (local[i] as number) * homeBest;
    }
    if (deps.vectors && options.vectorWeight > 0) {
      for (const { id, similarity } of await deps.vectors.search(query.text, CANDIDATES)) {
        const i = docIndex.get(id);
        if (i === undefined) continue;
        const doc = deps.docs[i] as DocInfo;
        fused[i] = (fused[i] as number) + options.vectorWeight * Math.max(0, similarity) * prior(doc, mentioned, sectors, scope);
      }
    }
    const candidates = topScores(fused, CANDIDATES);
    // The regulation a question names outside the asker's scope answers first, whatever its score.
    const ranked = scope === options.scope ? candidates : [...candidates.filter(([i]) => inScope(i)), ...candidates.filter(([i]) => !inScope(i))];
    const best = ranked[0]?.[1] ?? 0;

    // "GDPR Article 33 要多久通報？" is a reference: answered below with our clauses on the same duty.
    const foreignAsked = references.foreignLaw ? undefined : foreignLawAsked(query.text, mentions);
    const abstention = decideAbstention({
      concepts,
      otherFields,
      unknownLaws,
      references: references.found.length,
      mentioned: mentioned.length,
      matched: ranked.length > 0,
      nonLegal: nonLegalKind(query.text),
      ...(foreignAsked ? { foreignLaw: foreignAsked } : {}),
    });
    const field = abstention.otherField;
    const otherLaws = [...new Set(mentions.flatMap((m) => m.others ?? []))].filter((p) => !mentioned.includes(p));
    const base: Omit<RetrievalResult, "hits" | "abstained"> = {
      mentionedLaws: mentioned,
      needs,
      expansions,
      cases: [],
      ...(otherLaws.length > 0 ? { otherLaws } : {}),
      ...(field ? { otherField: query.lang === "en" ? { name: field.name_en, where: field.where_en } : { name: field.name_zh, where: field.where_zh } } : {}),
    };
    // "What does GDPR Article 17 say": a law we do not hold, and nothing else asked.
    if (references.foreignLaw && references.onlyForeign) {
      return { ...base, hits: [], abstained: true, reason: "out_of_scope", unknownLaw: references.foreignLaw };
    }
    if (references.unknown && references.found.length === 0) {
      return { ...base, hits: [], abstained: true, reason: "unknown_reference" };
    }
    // A neighbouring field's question that names no regulation (overtime pay, invoice
    // deadlines, trademark fees): the national database holds the field's regulations, but
    // a retailer's compliance assistant does not answer from them unasked. It says so and
    // points at the clauses to read; naming the regulation gets them quoted as an answer.
    const fieldLawSet = new Set(fieldLaws);
    const topPcode = ranked[0] ? (deps.docs[ranked[0][0]] as DocInfo).pcode : undefined;
    // The best clause comes from the field's regulations, or from one the question did not point at either.
    const notPointedAt = topPcode !== undefined && !options.scope.includes(topPcode) && !named.includes(topPcode) && !pointedSectors.includes(topPcode);
    const answeredElsewhere = fieldLeads && notPointedAt;
    if ((abstention.abstain || answeredElsewhere) && references.found.length === 0) {
      const pointers = ranked.flatMap(([i]) => (fieldLawSet.has((deps.docs[i] as DocInfo).pcode) ? [(deps.docs[i] as DocInfo).id] : [])).slice(0, MAX_POINTERS);
      if (!abstention.abstain) return { ...base, hits: [], abstained: true, reason: "out_of_scope", pointers };
      return {
        ...base,
        hits: [],
        abstained: true,
        reason: abstention.reason ?? "no_match",
        ...(abstention.unknownLaw ? { unknownLaw: abstention.unknownLaw } : {}),
        // A foreign law has no namesake among ours worth suggesting.
        ...(abstention.unknownLaw && abstention.unknownLaw !== foreignAsked ? { closestLaws: deps.lawNames.closest(abstention.unknownLaw) } : {}),
        ...(pointers.length > 0 ? { pointers } : {}),
      };
    }

    const hits: RetrievedArticle[] = [...references.found];
    const seen = new Set(hits.map((h) => h.articleId));
    const searchWanted = !references.onlyReference;
    for (const [i, score] of searchWanted ? ranked : []) {
      if (hits.length >= limit) break;
      if (score < best * options.relativeCutoff) break;
      const doc = deps.docs[i] as DocInfo;
      if (seen.has(doc.id)) continue;
      seen.add(doc.id);
      const focus = chooseFocus({ parts: deps.kb.parts(doc.id), query: terms, idf: deps.lexical.idf, termsOf, needs, articleText });
      hits.push({ articleId: doc.id, score, focus: focus.ids, fit: focus.fit, source: "search" });
    }
    const cited = withSuccessors(hits, limit);
    // "GDPR Article 33 要多久通報？": our clauses on the same duty, marked as such, never "our Art. 33".
    const foreign = references.foreignLaw ? { unknownLaw: references.foreignLaw, equivalentsOnly: true } : {};
    return { ...base, ...foreign, hits: cited, abstained: false, cases: relatedCases(terms, cited) };
  }

  function prior(doc: DocInfo, mentioned: string[], sectors: Set<string>, scope: readonly string[]): number {
    if (mentioned.includes(doc.pcode)) return MENTIONED_PRIOR;
    let value = 1;
    if (!scope.includes(doc.pcode) && !sectors.has(doc.pcode)) value *= scope === options.scope ? OUT_OF_SCOPE_PRIOR : NOT_NAMED_PRIOR;
    if (doc.status === "repealed") value *= REPEALED_PRIOR;
    return value;
  }

  /**
   * Case studies that speak to the question and illustrate one of the first cited
   * articles: at most two, never instead of the law.
   */
  function relatedCases(terms: Map<string, number>, hits: RetrievedArticle[]): string[] {
    if (hits.every((h) => h.source === "reference")) return [];
    const top = new Set(hits.slice(0, 2).map((h) => h.articleId));
    const scored = deps.caseIndex.top(terms, 5).filter((hit) => deps.cases[hit.index]?.articles.some((a) => top.has(a)));
    const best = scored[0]?.score ?? 0;
    return scored
      .filter((hit) => hit.score >= best * 0.6)
      .slice(0, 2)
      .map((hit) => deps.cases[hit.index]?.id ?? "");
  }

  /** After a hit from a repealed regulation, the articles that now carry its duty. */
  function withSuccessors(hits: RetrievedArticle[], limit: number): RetrievedArticle[] {
    const out: RetrievedArticle[] = [];
    const seen = new Set<string>();
    for (const hit of hits) {
      if (seen.has(hit.articleId)) continue;
      out.push(hit);
      seen.add(hit.articleId);
      const link = deps.kb.successorsOf(hit.focus[0] ?? hit.articleId, "zh") ?? deps.kb.successorsOf(hit.articleId, "zh");
      for (const id of link?.to ?? []) {
        const articleId = articleIdOf(id);
        if (seen.has(articleId)) continue;
        seen.add(articleId);
        out.push({ articleId, score: hit.score, focus: id === articleId ? [] : [id], source: "successor" });
      }
    }
    return out.slice(0, Math.max(limit, hits.length));
  }

  return { retrieve };
}

/** Applies the priors to the positive scores and divides by the best, in place. */
function normalize(scores: Float64Array, prior: (index: number) => number): void {
  let max = 0;
  for (let i = 0; i < scores.length; i++) {
    const raw = scores[i] as number;
    if (raw === 0) continue;
    const score = raw * prior(i);
    scores[i] = score;
    if (score > max) max = score;
  }
  if (max > 0) for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) / max;
}

/**
 * The k best positive scores, best first, in one pass over the array (the national index
 * scores 214,000 documents per question; sorting them all cost more than the scoring).
 */
function topScores(scores: Float64Array, k: number): Array<[number, number]> {
  const top: Array<[number, number]> = [];
  let floor = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (score <= floor && (score <= 0 || top.length >= k)) continue;
    if (score <= 0) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1] as [number, number])[1] < score) at--;
    top.splice(at, 0, [i, score]);
    if (top.length > k) top.pop();
    floor = top.length >= k ? (top[top.length - 1] as [number, number])[1] : 0;
  }
  return top;
}
