import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { exitWithError, exitWithUsage } from "../adapters/channels/cli/cli-errors.js";
import { tempFolder } from "../adapters/channels/cli/temp-folder.js";
import { loadConfig, loadDotEnv } from "../adapters/config.js";
import { createLogger } from "../adapters/logger.js";
import { createRuntime, PIPELINES, type PipelineName } from "../adapters/runtime.js";
import { summarizeModel } from "./eval-llm.js";
import { goldRank, hasFact, type ItemResult, leadUnsupported, readEvalSet, summarize } from "./eval-set.js";

const USAGE = `Usage: npm run eval -- --set FILE.jsonl --corpus DIR [--corpus DIR ...] [--data-dir DIR] [--pipeline hybrid|bm25|naive] [--llm] [--verbose]
  Ingests the corpus into a temporary index (or, with --data-dir, into DIR/index, the same
  layout as DATA_DIR, reused by later runs while its manifest matches), answers every
  question and prints a table per question type; the last line is one JSON object with the
  metrics. Without --llm the offline answer is measured even when LLM_PROVIDER is set;
  --llm runs the configured model and adds "llm" (model answers, fallbacks, sentences kept
  and dropped) to the JSON.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: "string" },
      corpus: { type: "string", multiple: true },
      pipeline: { type: "string", default: "hybrid" },
      "data-dir": { type: "string" },
      verbose: { type: "boolean", default: false },
      llm: { type: "boolean", default: false },
    },
  });
  if (!values.set) exitWithUsage("--set is required.", USAGE);
  const pipeline = values.pipeline as PipelineName;
  if (!PIPELINES.includes(pipeline)) exitWithUsage(`--pipeline must be one of ${PIPELINES.join(", ")}.`, USAGE);
  loadDotEnv();
  const loaded = loadConfig();
  if (values.llm && loaded.llm.provider === "none") exitWithUsage("--llm needs a model: set LLM_PROVIDER (see .env.example).", USAGE);
  const config = values.llm ? loaded : { ...loaded, llm: { ...loaded.llm, provider: "none" as const } };
  const corpusDirs = values.corpus?.length ? values.corpus.map((d) => resolve(d)) : config.regulationDirs;
  if (corpusDirs.length === 0) exitWithUsage("--corpus is required (no REGULATIONS_DIR configured).", USAGE);
  const items = readEvalSet(values.set);
  const dataDir = values["data-dir"];
  const folder = dataDir ? { path: join(resolve(dataDir), "index"), cleanup: () => {} } : tempFolder("eval-index-");
  const indexDir = folder.path;
  try {
    const logger = createLogger(config.env.LOG_LEVEL === "info" ? "warn" : config.env.LOG_LEVEL);
    const opening = performance.now();
    const runtime = await createRuntime(config, { logger, pipeline, corpusDirs, indexDir, onProgress: (m) => process.stderr.write(`${m}\n`) });
    process.stderr.write(`index ${runtime.report.status} in ${((performance.now() - opening) / 1000).toFixed(1)} s\n`);
    const results: ItemResult[] = [];
    for (const item of items) {
      const started = performance.now();
      const answer = await runtime.assistant.ask(item.question, item.lang ? { lang: item.lang } : {});
      const ms = performance.now() - started;
      results.push({ item, answer, ms, rank: goldRank(answer, item.gold) });
      if (values.verbose) {
        const got = answer.abstained ? `(abstained: ${answer.reason})` : answer.citations.map((c) => c.articleId).join(" ");
        const mark = item.gold.length === 0 ? (answer.abstained ? "ok  " : "FAIL") : results.at(-1)?.rank ? "ok  " : "MISS";
        process.stdout.write(`${mark} ${item.id} [${item.type}] gold=${item.gold.join(",") || "-"} got=${got}\n`);
        const leadHit = item.facts.length === 0 ? "" : item.facts.some((f) => hasFact(answer.lead, f)) ? " fact-in-lead" : " FACT-NOT-IN-LEAD";
        const unsupported = leadUnsupported(answer);
        process.stdout.write(
          `     lead${leadHit}${unsupported.length > 0 ? ` UNSUPPORTED=${unsupported.join(",")}` : ""}: ${answer.lead.replace(/\n/g, " / ")}\n`,
        );
      }
    }
    const modelSummary = values.llm ? summarizeModel(results.map((r) => r.answer)) : undefined;
    const summary = { ...summarize(pipeline, results), ...(modelSummary ? { llm: modelSummary } : {}) };
    const rows = Object.entries(summary.by_type).map(
      ([type, s]) => `${type.padEnd(18)} ${String(s.n).padStart(4)}   ${s.recall_at_5.toFixed(3)}     ${s.lead_fact_hit.toFixed(3)}`,
    );
    const lines = [
      `pipeline ${pipeline}: ${items.length} questions, index ${runtime.report.status} (${runtime.report.embeddingId})`,
      `${"type".padEnd(18)} ${"n".padStart(4)}   recall@5 (abstain: accuracy)   lead_fact_hit`,
      ...rows,
      `recall@1 ${summary.recall_at_1}  recall@5 ${summary.recall_at_5}  mrr@10 ${summary.mrr_at_10}  abstain ${summary.abstain_accuracy}  facts ${summary.fact_hit}  lead_facts ${summary.lead_fact_hit}  lead_unsupported ${summary.lead_unsupported}  p50 ${summary.latency_ms.p50} ms  p95 ${summary.latency_ms.p95} ms`,
      ...(modelSummary
        ? [
            `model ${modelSummary.provider}:${modelSummary.model}: ${modelSummary.model_answers} model answers, fallbacks ${JSON.stringify(modelSummary.fallbacks)}, sentences kept ${modelSummary.sentences_kept} dropped ${modelSummary.sentences_dropped} ${JSON.stringify(modelSummary.dropped_by_reason)}, kept_unsupported ${modelSummary.kept_unsupported}`,
          ]
        : []),
      JSON.stringify(summary),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    folder.cleanup();
  }
}

main().catch(exitWithError);
