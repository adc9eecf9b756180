import { createInterface } from "node:readline";
import { loadConfig, loadDotEnv } from "../config.js";
import { createLogger } from "../logger.js";
import { createRuntime } from "../runtime.js";
import { exitWithError } from "./cli-errors.js";

const WELCOME = `合規小幫手（個資法、施行細則、數位經濟個資管理辦法、消保法）
直接輸入問題，例如「委外物流要怎麼監督？」、「個資法第27條」、「PDPA Article 27」。
Ask in Chinese or English. Ctrl-C or /exit to leave.`;

/** The terminal chat: the same engine the channels use, over readline with history. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL === "info" ? "warn" : config.env.LOG_LEVEL);
  if (config.regulationDirs.length === 0) {
    process.stderr.write(
      "找不到法規檔案 / No regulation files found.\n" +
        "Set REGULATIONS_DIR to the folder holding the MOJ open-data files (zh/PCODE.json, en/PCODE.json),\n" +
        "e.g. REGULATIONS_DIR=../shared/corpus/moj npm run chat\n",
    );
    process.exit(1);
  }
  const runtime = await createRuntime(config, { logger, onProgress: (m) => process.stderr.write(`${m}\n`) });
  const { counts } = runtime.index.manifest;
  process.stdout.write(`${WELCOME}\n(${counts.regulations} regulation files, ${counts.articles} articles indexed)\n\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "> ", historySize: 200, terminal: process.stdin.isTTY });
  let context: string[] = [];
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "/exit" || text === "/quit") break;
    if (text) {
      try {
        const answer = await runtime.assistant.ask(text, { context });
        if (!answer.abstained) context = answer.citations.map((c) => c.articleId);
        process.stdout.write(`\n${answer.text}\n\n`);
      } catch (error) {
        logger.error({ err: error }, "answer failed");
        process.stdout.write("抱歉，處理這個問題時發生錯誤。Sorry, something went wrong answering that.\n\n");
      }
    }
    rl.prompt();
  }
  rl.close();
}

main().catch(exitWithError);
