import { readFileSync } from "node:fs";
import { z } from "zod";
import { type Answer, findUnsupported } from "../bot/index.js";
import { AppError, ErrorCodes } from "../knowledge/index.js";

/** One line of an evaluation set (format of ../shared/eval/dev.jsonl). */
export const EvalItemSchema = z.object({
  id: z.string(),
  lang: z.enum(["zh", "en"]).optional(),
  type: z.string().default("other"),
  question: z.string().min(1),
  gold: z.array(z.string()),
  facts: z.array(z.string()).default([]),
});
export type EvalItem = z.infer<typeof EvalItemSchema>;

/** Reads a JSONL set; a bad line is reported with its line number and field. */
export function readEvalSet(path: string): EvalItem[] {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    throw new AppError(ErrorCodes.BAD_REQUEST, `${path}: cannot be read`, { cause: error });
  }
  return raw.split("\n").flatMap((line, i) => {
    if (line.trim() === "") return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new AppError(ErrorCodes.BAD_REQUEST, `${path}:${i + 1}: not valid JSON`);
    }
    const parsed = EvalItemSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(ErrorCodes.BAD_REQUEST, `${path}:${i + 1}: field ${issue?.path.join(".")}: ${issue?.message}`);
    }
    return [parsed.data];
  });
}

export interface ItemResult {
  item: EvalItem;
  answer: Answer;
  ms: number;
  /** 1-based rank of the first gold article among the citations, 0 when none. */
  rank: number;
}

export interface EvalSummary {
  pipeline: string;
  n: number;
  recall_at_1: number;
  recall_at_5: number;
  mrr_at_10: number;
  abstain_accuracy: number;
  fact_hit: number;
  /** Items with facts whose fact is in the lead (the text before the cited clauses). */
  lead_fact_hit: number;
  /** Answers whose lead states a number, duration or amount that no cited clause contains. */
  lead_unsupported: number;
  by_type: Record<string, { n: number; recall_at_5: number; lead_fact_hit: number }>;
  latency_ms: { p50: number; p95: number };
}

/** A fact may list alternatives: "七十二小時|72小時" is found when either is. */
export function hasFact(text: string, fact: string): boolean {
  return fact.split("|").some((alt) => alt !== "" && text.includes(alt));
}

const NUMERIC_KINDS = new Set(["number", "duration", "amount", "percent", "count"]);

/** The lead's numbers, durations and amounts that none of the cited clauses contains. */
export function leadUnsupported(answer: Answer): string[] {
  if (answer.abstained) return [];
  const clauses = answer.citations.map((c) => ({ text: c.articleText, ...(c.authority ? { authority: c.authority } : {}) }));
  return findUnsupported(answer.lead, clauses)
    .filter((f) => NUMERIC_KINDS.has(f.kind))
    .map((f) => f.raw);
}

const factIn = (text: string, r: ItemResult) => r.item.facts.some((f) => hasFact(text, f));

/** First rank at which a cited article (finer ids count for their article) is gold; 0 if none or abstained. */
export function goldRank(answer: Answer, gold: string[]): number {
  if (answer.abstained) return 0;
  const articles = answer.citations.map((c) => c.articleId);
  const index = articles.findIndex((id) => gold.includes(id));
  return index < 0 ? 0 : index + 1;
}

/** The metrics of the issue: recall@k and MRR@10 over answerable items, abstain accuracy over the rest. */
export function summarize(pipeline: string, results: ItemResult[]): EvalSummary {
  const answerable = results.filter((r) => r.item.gold.length > 0);
  const unanswerable = results.filter((r) => r.item.gold.length === 0);
  const withFacts = results.filter((r) => r.item.facts.length > 0);
  const share = (hits: number, n: number) => (n === 0 ? 0 : round(hits / n));
  const byType: EvalSummary["by_type"] = {};
  for (const r of results) {
    const entry = byType[r.item.type] ?? { n: 0, recall_at_5: 0, lead_fact_hit: 0 };
    entry.n++;
    byType[r.item.type] = entry;
  }
  for (const [type, entry] of Object.entries(byType)) {
    const group = results.filter((r) => r.item.type === type);
    const answerableGroup = group.filter((r) => r.item.gold.length > 0);
    entry.recall_at_5 =
      answerableGroup.length > 0
        ? share(answerableGroup.filter((r) => r.rank >= 1 && r.rank <= 5).length, answerableGroup.length)
        : share(group.filter((r) => r.answer.abstained).length, group.length);
    const withFactsGroup = group.filter((r) => r.item.facts.length > 0);
    entry.lead_fact_hit = share(withFactsGroup.filter((r) => factIn(r.answer.lead, r)).length, withFactsGroup.length);
  }
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    pipeline,
    n: results.length,
    recall_at_1: share(answerable.filter((r) => r.rank === 1).length, answerable.length),
    recall_at_5: share(answerable.filter((r) => r.rank >= 1 && r.rank <= 5).length, answerable.length),
    mrr_at_10: share(
      answerable.reduce((sum, r) => sum + (r.rank >= 1 && r.rank <= 10 ? 1 / r.rank : 0), 0),
      answerable.length,
    ),
    abstain_accuracy: share(unanswerable.filter((r) => r.answer.abstained).length, unanswerable.length),
    fact_hit: share(withFacts.filter((r) => factIn(r.answer.text, r)).length, withFacts.length),
    lead_fact_hit: share(withFacts.filter((r) => factIn(r.answer.lead, r)).length, withFacts.length),
    lead_unsupported: results.filter((r) => leadUnsupported(r.answer).length > 0).length,
    by_type: byType,
    latency_ms: { p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)) },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
