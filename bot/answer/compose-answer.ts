import { articleIdOf, articleUrl, type ClauseRecord, clipVerbatim, type Lang, MAX_FULL_TEXT_CHARS, MAX_QUOTE_CHARS } from "../../knowledge/clause.js";
import type { ArticleHistory, KnowledgeSource, RetrievalResult, RetrievedArticle } from "../../knowledge/index.js";
import type { Answer, Citation } from "./answer.js";
import { issuingAuthority } from "./authorities.js";
import { directLead } from "./direct-lead.js";
import { unsupportedFacts } from "./grounding.js";
import { labelOf, labelOfParts } from "./labels.js";
import { abstentionText, equivalentsNote, leadText, otherLawsText, partlyElsewhere, warningText } from "./messages.js";
import { renderAnswerText } from "./render-text.js";

/**
 * Builds the extractive answer: every quoted word comes from the official files through
 * `knowledge`; the bot adds only labels, dates, warnings and its own plain-language notes,
 * each marked as such.
 */
export function composeAnswer(question: string, lang: Lang, result: RetrievalResult, knowledge: KnowledgeSource, history?: ArticleHistory): Answer {
  const found = result.abstained ? [] : result.hits.flatMap((hit) => toCitation(hit, lang, knowledge, history) ?? []);
  const preferred = new Set([...knowledge.scopeSummaries("zh").map((s) => s.pcode), ...result.mentionedLaws]);
  const citations = scopeFirst(found, preferred);
  const abstained = result.abstained || citations.length === 0;
  const base = {
    lang,
    question,
    abstained,
    ...(abstained ? { reason: result.reason ?? "no_match" } : {}),
    citations,
    cases: result.cases.flatMap((id) => knowledge.caseStudy(id, lang) ?? []),
  };
  const warnings = [...otherLawsText(result, lang, knowledge), ...citations.flatMap((c) => warningText(c, lang) ?? [])];
  const answer: Answer = abstained
    ? { ...base, citations: [], cases: [], lead: "", warnings: [], suggestions: [], text: "" }
    : { ...base, lead: "", warnings: [...new Set(warnings)], suggestions: partlyElsewhere(result, lang), text: "" };
  if (!abstained) {
    const direct = directLead({
      question,
      lang,
      citations,
      needs: result.needs ?? { kinds: [], actions: [] },
      ...(result.expansions ? { expansions: result.expansions } : {}),
      preferred,
      articleText: (pcode, article) => knowledge.clause(`${pcode}:${article}`, "zh")?.text,
    });
    if (direct) answer.citations = leadFirst(quoteUsed(answer.citations, direct.used, knowledge, lang), direct.used);
    answer.lead = leadText(answer.citations, lang, direct?.lines);
    if (result.equivalentsOnly && result.unknownLaw) answer.lead = `${equivalentsNote(result.unknownLaw, lang)}\n${answer.lead}`;
  }
  if (abstained) {
    const { lead, suggestions } = abstentionText(result, lang, knowledge);
    answer.lead = lead;
    answer.suggestions = suggestions;
  }
  answer.text = renderAnswerText(answer);
  return answer;
}

/**
 * Regulations in the asker's scope lead unless the question names another: "委外要怎麼監督？"
 * is answered from the PDPA Enforcement Rules before the Cyber Security Management Act,
 * which binds agencies, not shops. Exact references keep their place.
 */
function scopeFirst(citations: Citation[], preferred: Set<string>): Citation[] {
  if (preferred.size === 0) return citations;
  // A repealed rule the asker hit stays before its successor: the warning explains why that is cited.
  const leads = (c: Citation) => c.source === "reference" || preferred.has(c.pcode) || c.successor !== undefined;
  return [...citations.filter(leads), ...citations.filter((c) => !leads(c))];
}

/** The clauses the lead rests on are cited first, in the lead's order (a repealed first hit keeps its warning place). */
function leadFirst(citations: Citation[], used: Array<{ articleId: string }>): Citation[] {
  if (citations[0]?.status === "repealed") return citations;
  const order = [...new Set(used.map((u) => u.articleId))];
  const rank = (c: Citation) => {
    const i = order.indexOf(c.articleId);
    return i < 0 ? order.length : i;
  };
  return citations
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map((x) => x.c);
}

/** A paragraph the lead quotes is quoted under its citation too, first. */
function quoteUsed(citations: Citation[], used: Array<{ articleId: string; paragraph: number }>, knowledge: KnowledgeSource, lang: Lang): Citation[] {
  return citations.map((c) => {
    const wanted = used.filter((u) => u.articleId === c.articleId).map((u) => u.paragraph);
    if (
      c.path.length === 0 ||
      wanted.length === 0 ||
      wanted.every((p) => c.path[0] === p || c.quote.includes(knowledge.clause(`${c.articleId}:${p}`, c.textLang)?.text ?? "\u0000"))
    )
      return c;
    // An item inside a paragraph the lead quotes is part of that paragraph already.
    const current = c.path.length > 0 && !wanted.includes(c.path[0] ?? 0) ? [c.id] : [];
    const ids = [...new Set([...wanted.map((p) => `${c.articleId}:${p}`), ...current])];
    const parts = ids.map((id) => knowledge.clause(id, c.textLang)).filter((p): p is ClauseRecord => p !== undefined);
    parts.sort((a, b) => (a.path[0] ?? 0) - (b.path[0] ?? 0) || a.path.length - b.path.length);
    const first = parts[0];
    if (!first) return c;
    return { ...c, id: first.id, path: first.path, label: labelOfParts(parts, lang), quote: parts.map((p) => p.text).join("\n") };
  });
}

function toCitation(hit: RetrievedArticle, lang: Lang, knowledge: KnowledgeSource, history?: ArticleHistory): Citation | undefined {
  const article = knowledge.clause(hit.articleId, lang);
  if (!article) return undefined;
  const parts = hit.focus.map((id) => knowledge.clause(id, article.lang)).filter((c): c is ClauseRecord => c !== undefined);
  const focus = parts[0];
  const regulation = knowledge.regulation(article.pcode, article.lang);
  const law = lang === "en" ? article.lawName : article.lawNameZh;
  const citation: Citation = {
    id: focus?.id ?? article.id,
    articleId: article.articleId,
    pcode: article.pcode,
    law,
    lawZh: article.lawNameZh,
    article: article.article,
    path: focus?.path ?? [],
    label: focus ? labelOfParts(parts, lang) : labelOf(article, lang),
    quote: clipVerbatim(parts.length > 0 ? parts.map((p) => p.text).join("\n") : article.text, MAX_QUOTE_CHARS, lang),
    articleText: clipVerbatim(article.text, MAX_FULL_TEXT_CHARS, lang),
    textLang: article.lang,
    url: articleUrl(article.pcode, article.article, article.lang),
    lawUrl: article.url,
    status: article.status,
    asOf: article.asOf,
    score: hit.score,
    source: hit.source,
    ...(hit.fit !== undefined ? { fit: hit.fit } : {}),
  };
  if (article.status === "repealed") {
    const link = knowledge.successorsOf(citation.id, lang) ?? knowledge.successorsOf(article.articleId, lang);
    if (link) {
      const labels = link.to.map((id) => {
        const target = knowledge.clause(id, lang);
        return target ? labelOf(target, lang) : id;
      });
      citation.successor = { ids: link.to, labels, repealedOn: link.repealedOn, ...(link.note ? { note: link.note } : {}) };
    }
  }
  const authority = issuingAuthority(regulation?.category ?? knowledge.regulation(article.pcode, "zh")?.category);
  if (authority) citation.authority = authority;
  if (article.status === "not_yet_in_force" && regulation?.effectiveNote) citation.effectiveNote = regulation.effectiveNote;
  const version = history?.currentVersion();
  if (version) citation.version = version;
  if (article.status === "not_yet_in_force") quoteTextInForce(citation, article, lang, history);
  // A note is about the whole article: under one paragraph it is shown only when it states
  // nothing (no deadline, amount, authority) that the quoted paragraph does not carry.
  const note = knowledge.note(article.articleId, lang);
  if (
    note &&
    (parts.length === 0 ||
      unsupportedFacts(note.text, [{ text: citation.quote, ...(citation.authority ? { authority: citation.authority } : {}) }]).length === 0)
  ) {
    citation.note = note.text;
  }
  return citation;
}

/**
 * The official file carries only the newest text, even when it is not yet in force: when
 * an earlier version holds the text in force, quote that one and show the promulgated text
 * as 已公布、尚未施行. Without an earlier text the citation stays not_yet_in_force and the
 * warning says the text shown may not be in force yet.
 */
function quoteTextInForce(citation: Citation, article: ClauseRecord, lang: Lang, history?: ArticleHistory): void {
  const earlier = history?.previousText(article.articleId, article.lang);
  if (!earlier) return;
  citation.promulgated = { quote: citation.quote, asOf: article.asOf, ...(citation.effectiveNote ? { note: citation.effectiveNote } : {}) };
  citation.id = article.articleId;
  citation.path = [];
  citation.label = labelOf(article, lang);
  citation.quote = earlier.text;
  citation.articleText = earlier.text;
  citation.status = "in_force";
  citation.asOf = earlier.tookEffect ?? earlier.firstVersion;
  citation.version = earlier.lastVersion;
}

/** A citation of one clause by id (article or finer), for "why is this asked?" and reports. */
export function citeClause(id: string, lang: Lang, knowledge: KnowledgeSource, history?: ArticleHistory): Citation | undefined {
  const articleId = articleIdOf(id);
  return toCitation({ articleId, focus: id === articleId ? [] : [id], score: 0, source: "reference" }, lang, knowledge, history);
}
