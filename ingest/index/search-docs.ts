import type { Analyzer, KnowledgeBase, SearchDoc } from "../../knowledge/index.js";

/** Builds the search documents; deleted articles (（刪除）) are left out of search. */
export function buildSearchDocs(kb: KnowledgeBase, analyzer: Analyzer): SearchDoc[] {
  const names = new Map(kb.lawNames().map((entry) => [entry.pcode, entry.names.join(" ")]));
  const notes = new Map(kb.files.notes.notes.map((n) => [n.id, n]));
  const byId = new Map<string, SearchDoc>();
  for (const article of kb.articles) {
    if (article.status === "deleted") continue;
    let doc = byId.get(article.articleId);
    if (!doc) {
      const note = notes.get(article.articleId);
      doc = {
        id: article.articleId,
        pcode: article.pcode,
        status: article.status,
        fields: {
          body: [],
          en: [],
          name: analyzer.terms(names.get(article.pcode) ?? article.lawName),
          chapter: [],
          notes: note ? analyzer.terms([note.zh, note.en, ...note.keywords].join("\n")) : [],
        },
      };
      byId.set(article.articleId, doc);
    }
    const terms = analyzer.terms(article.text);
    if (article.lang === "en") doc.fields.en = terms;
    else doc.fields.body = terms;
    if (article.chapter) doc.fields.chapter.push(...analyzer.terms(article.chapter));
  }
  for (const doc of byId.values()) if (doc.fields.body.length === 0) doc.fields.body = doc.fields.en;
  return [...byId.values()];
}
