import { clauseLabel, type QuestionRecord } from "../../bot/index.js";
import { paragraphText, splitArticle } from "../../ingest/index.js";
import { AppError, type ArticleHistory, articleIdOf, ErrorCodes, openArticleHistory } from "../../knowledge/index.js";
import type { Config } from "../config.js";
import { openSqliteStore } from "../store/sqlite-store.js";

export interface PastCitation {
  id: string;
  label: string;
  version?: string;
  /** The text as it read in that version, verbatim; undefined when the version store does not hold it. */
  text?: string;
  /** Whether the current text of the article differs (amended since, or gone). */
  changedSince?: boolean;
}

/** `npm run cli -- answer ID`: a past answer with the text each citation quoted then. */
export async function showPastAnswer(config: Config, id: string): Promise<{ question: QuestionRecord; citations: PastCitation[]; text: string }> {
  const store = openSqliteStore(config.answerLogPath);
  const history = openArticleHistory(config.versionsPath);
  try {
    const question = await store.question(id);
    if (!question)
      throw new AppError(ErrorCodes.NOT_FOUND, `No answer ${id} in ${config.answerLogPath}`, {
        hint: "Answer ids (q_…) are in the answer log and in --json output.",
      });
    const citations = question.citationIds.map((cid) => pastCitation(cid, question, history));
    const en = question.lang === "en";
    const lines = [
      en
        ? `Question (${question.askedAt}, corpus version ${question.corpusVersion ?? "unknown"}): ${question.question}`
        : `問題（${question.askedAt}，法規版本 ${question.corpusVersion ?? "不明"}）：${question.question}`,
      question.abstained
        ? en
          ? "The bot did not answer (no clause matched)."
          : "當時未能回答（沒有相符的條文）。"
        : en
          ? "Clauses quoted then:"
          : "當時引用的條文：",
    ];
    for (const [i, c] of citations.entries()) {
      lines.push(`${i + 1}. ${c.label}${c.version ? (en ? ` (version ${c.version})` : `（版本 ${c.version}）`) : ""}`);
      lines.push(
        c.text
          ? c.text.replace(/^/gm, "   ")
          : en
            ? "   (text not in the version store: answered before the first sync)"
            : "   （版本庫中沒有此條文字：回答早於第一次同步）",
      );
      if (c.changedSince) lines.push(en ? "   ⚠ The text has changed since." : "   ⚠ 此條文其後已變動。");
    }
    return { question, citations, text: lines.join("\n") };
  } finally {
    history?.close();
    await store.close();
  }
}

function pastCitation(id: string, question: QuestionRecord, history: ArticleHistory | undefined): PastCitation {
  const version = question.citationVersions?.[id] ?? question.corpusVersion;
  const [pcode = "", article = ""] = id.split(":");
  const path = id.split(":").slice(2).map(Number);
  const regulation = version ? (history?.regulationAt(pcode, question.lang, version) ?? history?.regulationAt(pcode, "zh", version)) : undefined;
  const label = clauseLabel(regulation?.name ?? pcode, article, path, question.lang);
  if (!version || !history) return { id, label };
  const articleId = articleIdOf(id);
  const then = history.textAt(articleId, question.lang, version) ?? history.textAt(articleId, "zh", version);
  if (!then) return { id, label, version };
  const current = history.currentVersion();
  const now = current ? history.textAt(articleId, then.lang, current) : undefined;
  return { id, label, version, text: partOf(then.text, path), changedSince: !now || now.text !== then.text };
}

/** The paragraph / item / sub-item a clause id names, cut from the article text the same way ingest does. */
function partOf(articleText: string, path: number[]): string {
  const [p, i, s] = path;
  if (!p) return articleText;
  const paragraph = splitArticle(articleText).find((x) => x.number === p);
  if (!paragraph) return articleText;
  if (!i) return paragraphText(paragraph);
  const item = paragraph.items.find((x) => x.number === i);
  if (!item) return paragraphText(paragraph);
  if (!s) return [item.text, ...item.subItems.map((x) => x.text)].join("\n");
  return item.subItems.find((x) => x.number === s)?.text ?? item.text;
}
