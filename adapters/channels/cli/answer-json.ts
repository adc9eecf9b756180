import type { Answer, AnswerGeneration } from "../../../bot/index.js";

/** The --json shape of an answer: citations in rank order, ids beginning with PCODE:ARTICLE. */
export function answerJson(answer: Answer) {
  return {
    lead: answer.lead,
    answer: answer.text,
    abstained: answer.abstained,
    lang: answer.lang,
    citations: answer.citations.map((c) => ({
      id: c.id,
      law: c.law,
      article: c.article,
      label: c.label,
      text: c.quote,
      url: c.url,
      status: c.status,
      asOf: c.asOf,
      score: Math.round(c.score * 1000) / 1000,
      ...(c.successor ? { successor: c.successor.ids } : {}),
      ...(c.version ? { version: c.version } : {}),
      ...(c.promulgated ? { promulgated: c.promulgated } : {}),
    })),
    warnings: answer.warnings,
    cases: answer.cases.map((c) => c.id),
    ...(answer.generation ? { generation: generationJson(answer.generation) } : {}),
  };
}

/** How the answer was made when a model is configured (the answer log has the sentences too). */
function generationJson(g: AnswerGeneration) {
  return {
    mode: g.mode,
    provider: g.provider,
    model: g.model,
    shownClauseIds: g.shownClauseIds,
    kept: g.kept.length,
    dropped: g.dropped.map((d) => ({ reason: d.reason, ...(d.facts ? { facts: d.facts } : {}) })),
    ...(g.fallbackReason ? { fallbackReason: g.fallbackReason } : {}),
    ms: g.ms,
  };
}
