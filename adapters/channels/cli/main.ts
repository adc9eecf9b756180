import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AppError, ErrorCodes, type Lang } from "../../../knowledge/index.js";
import { loadConfig, loadDotEnv } from "../../config.js";
import { createLogger } from "../../logger.js";
import { REPORT_FORMATS, type ReportFormat, renderReport } from "../../report/write-report.js";
import { createRuntime, createServices } from "../../runtime.js";
import { listChanges } from "../../sync/list-changes.js";
import { showPastAnswer } from "../../sync/show-answer.js";
import { syncWithImpact } from "../../sync/sync-command.js";
import { answerJson } from "./answer-json.js";
import { exitWithError, exitWithUsage } from "./cli-errors.js";
import { printIngestReport } from "./ingest-report.js";
import { runTerminalConversation } from "./terminal-conversation.js";
import { verifyLog } from "./verify-log.js";

const USAGE = `Usage:
  npm run cli -- ask "問題" [--json] [--lang zh|en]        answer one question with cited clauses
  npm run cli -- ingest                                    build or refresh the index and print what changed
  npm run cli -- assess [checklist] [--resume CODE] [--user NAME]
                                                           run a self-assessment (interactive, or answers from stdin)
  npm run cli -- report <assessment> [--format xlsx|csv|md] [--out FILE] [--lang zh|en]
                                                           write the ministry-style report of an assessment
  npm run cli -- sync [--source URL|FILE|DIR] [--version YYYY-MM-DD] [--min-ratio 0.9] [--json] [--no-index]
                                                           take in the newest official texts (default: MOJ_OPEN_DATA_URL)
  npm run cli -- changes [--since YYYY-MM-DD] [--json] [--lang zh|en]
                                                           what the syncs changed, and the answers and items it affects
  npm run cli -- answer <ID> [--json]                      a past answer with the text it quoted then
  npm run cli -- verify-log [--json]                       check the answer log's hash chain; names the first broken record`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL === "info" ? "warn" : config.env.LOG_LEVEL);
  const progress = (m: string) => process.stderr.write(`${m}\n`);
  switch (command) {
    case "ask": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { json: { type: "boolean", default: false }, lang: { type: "string" } },
      });
      const question = positionals.join(" ").trim();
      if (!question) exitWithUsage("ask needs a question.", USAGE);
      const lang = parseLang(values.lang);
      const runtime = await createRuntime(config, { logger, onProgress: progress });
      const answer = await runtime.assistant.ask(question, lang ? { lang } : {});
      process.stdout.write(values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${answer.text}\n`);
      return;
    }
    case "ingest": {
      // SIGTERM/SIGINT stop a long build between two files; the current index stays as it was.
      const controller = new AbortController();
      process.once("SIGTERM", () => controller.abort());
      process.once("SIGINT", () => controller.abort());
      const runtime = await createRuntime(config, { logger, onProgress: progress, signal: controller.signal });
      printIngestReport(runtime.report, runtime.index.manifest);
      return;
    }
    case "assess": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { resume: { type: "string" }, user: { type: "string" } },
      });
      const services = await createServices(config, { logger, onProgress: progress });
      const checklist = positionals.join(" ").trim();
      const opening = values.resume ? [`繼續 ${values.resume}`] : checklist ? [`開始自評 ${checklist}`] : ["繼續"];
      try {
        await runTerminalConversation({
          engine: services.engine,
          logger,
          userId: values.user ?? config.cliUser,
          opening,
          reportDir: join(config.dataDir, "reports"),
          timeoutMs: config.env.TURN_TIMEOUT_MS,
        });
      } finally {
        await services.store.close();
      }
      return;
    }
    case "report": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { format: { type: "string", default: "xlsx" }, out: { type: "string" }, lang: { type: "string" } },
      });
      const code = positionals[0];
      if (!code) exitWithUsage("report needs an assessment code (shown when the assessment starts, and by 我的自評).", USAGE);
      const format = values.format as ReportFormat;
      if (!REPORT_FORMATS.includes(format)) exitWithUsage(`--format must be one of ${REPORT_FORMATS.join(", ")}.`, USAGE);
      const services = await createServices(config, { logger, onProgress: progress });
      try {
        const report = await services.engine.report(code, parseLang(values.lang) ?? "zh");
        if (!report)
          throw new AppError(ErrorCodes.NOT_FOUND, `No assessment ${code} in ${config.answerLogPath}`, {
            hint: "List assessments with `npm run chat` and 我的自評.",
          });
        const out = values.out ?? `${report.assessmentId}.${format}`;
        writeFileSync(out, await renderReport(report, format));
        process.stdout.write(`${out}\n`);
      } finally {
        await services.store.close();
      }
      return;
    }
    case "sync": {
      const { values } = parseArgs({
        args: rest,
        options: {
          source: { type: "string" },
          version: { type: "string" },
          "min-ratio": { type: "string" },
          json: { type: "boolean", default: false },
          "no-index": { type: "boolean", default: false },
          lang: { type: "string" },
        },
      });
      const minRatio = values["min-ratio"] === undefined ? undefined : Number(values["min-ratio"]);
      if (minRatio !== undefined && !(minRatio >= 0 && minRatio <= 1)) exitWithUsage("--min-ratio must be a number from 0 to 1.", USAGE);
      const outcome = await syncWithImpact(config, logger, {
        ...(values.source ? { source: values.source } : {}),
        ...(values.version ? { version: values.version } : {}),
        ...(minRatio !== undefined ? { minRatio } : {}),
        skipIndex: values["no-index"],
        lang: parseLang(values.lang) ?? "zh",
        onProgress: progress,
      });
      process.stdout.write(values.json ? `${JSON.stringify(outcome.json)}\n` : `${outcome.text}\n`);
      return;
    }
    case "changes": {
      const { values } = parseArgs({ args: rest, options: { since: { type: "string" }, json: { type: "boolean", default: false }, lang: { type: "string" } } });
      if (values.since && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) exitWithUsage("--since takes a date, YYYY-MM-DD.", USAGE);
      const services = await createServices(config, { logger, onProgress: progress });
      try {
        const result = await listChanges(services, values.since, parseLang(values.lang) ?? "zh");
        process.stdout.write(values.json ? `${JSON.stringify(result.json)}\n` : `${result.text}\n`);
      } finally {
        await services.store.close();
      }
      return;
    }
    case "answer": {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
      const id = positionals[0];
      if (!id) exitWithUsage("answer needs an answer id (q_…).", USAGE);
      const past = await showPastAnswer(config, id);
      process.stdout.write(values.json ? `${JSON.stringify({ question: past.question, citations: past.citations })}\n` : `${past.text}\n`);
      return;
    }
    case "verify-log": {
      const { values } = parseArgs({ args: rest, options: { json: { type: "boolean", default: false } } });
      process.exitCode = await verifyLog(config, logger, values.json);
      return;
    }
    default:
      exitWithUsage(command ? `Unknown command: ${command}` : "No command given.", USAGE);
  }
}

function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (value !== "zh" && value !== "en") exitWithUsage("--lang must be zh or en.", USAGE);
  return value;
}

main(process.argv.slice(2)).catch(exitWithError);
