import { articleIdOf, articleUrl, type ClauseRecord, clipVerbatim, type Lang, MAX_FULL_TEXT_CHARS, MAX_QUOTE_CHARS } from "../../knowledge/clause.js";
import type { ArticleHistory, KnowledgeSource, RetrievalResult, RetrievedArticle } from "../../knowledge/index.js";
import type { Answer, Citation } from "./answer.js";
import { labelOf, labelOfParts } from "./labels.js";
import { abstentionText, leadText, otherLawsText, partlyElsewhere, warningText } from "./messages.js";
import { renderAnswerText } from "./render-text.js";

/**
 * Builds the extractive answer: every quoted word comes from the official files through
 * `knowledge`; the bot adds only labels, dates, warnings and its own plain-language notes,
 * each marked as such.
 */
export function composeAnswer(question: string, lang: Lang, result: RetrievalResult, knowledge: KnowledgeSource, history?: ArticleHistory): Answer {
  const citations = result.abstained ? [] : result.hits.flatMap((hit) => toCitation(hit, lang, knowledge, history) ?? []);
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
    : { ...base, lead: leadText(citations, lang), warnings: [...new Set(warnings)], suggestions: partlyElsewhere(result, lang), text: "" };
  if (abstained) {
    const { lead, suggestions } = abstentionText(result, lang, knowledge);
    answer.lead = lead;
    answer.suggestions = suggestions;
  }
  answer.text = renderAnswerText(answer);
  return answer;
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
  if (article.status === "not_yet_in_force" && regulation?.effectiveNote) citation.effectiveNote = regulation.effectiveNote;
  const version = history?.currentVersion();
  if (version) citation.version = version;
  if (article.status === "not_yet_in_force") quoteTextInForce(citation, article, lang, history);
  const note = knowledge.note(article.articleId, lang);
  if (note) citation.note = note.text;
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
