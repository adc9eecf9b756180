import { parseArgs } from "node:util";
import { loadConfig, loadDotEnv } from "../config.js";
import { createLogger } from "../logger.js";
import { createRuntime } from "../runtime.js";
import { answerJson } from "./answer-json.js";
import { exitWithError, exitWithUsage } from "./cli-errors.js";
import { printIngestReport } from "./ingest-report.js";

const USAGE = `Usage:
  npm run cli -- ask "問題" [--json] [--lang zh|en]   answer one question with cited clauses
  npm run cli -- ingest                               build or refresh the index and print what changed`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL);
  switch (command) {
    case "ask": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { json: { type: "boolean", default: false }, lang: { type: "string" } },
      });
      const question = positionals.join(" ").trim();
      if (!question) exitWithUsage("ask needs a question.", USAGE);
      if (values.lang && values.lang !== "zh" && values.lang !== "en") exitWithUsage("--lang must be zh or en.", USAGE);
      const runtime = await createRuntime(config, { logger, onProgress: (m) => process.stderr.write(`${m}\n`) });
      const answer = await runtime.assistant.ask(question, values.lang ? { lang: values.lang as "zh" | "en" } : {});
      process.stdout.write(values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${answer.text}\n`);
      return;
    }
    case "ingest": {
      const runtime = await createRuntime(config, { logger, onProgress: (m) => process.stderr.write(`${m}\n`) });
      printIngestReport(runtime.report, runtime.index.manifest);
      return;
    }
    default:
      exitWithUsage(command ? `Unknown command: ${command}` : "No command given.", USAGE);
  }
}

main(process.argv.slice(2)).catch(exitWithError);
