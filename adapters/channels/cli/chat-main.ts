import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, loadDotEnv } from "../../config.js";
import { createLogger } from "../../logger.js";
import { createServices } from "../../runtime.js";
import { exitWithError } from "./cli-errors.js";
import { runTerminalConversation } from "./terminal-conversation.js";

const WELCOME = `合規小幫手：個資法、施行細則、數位經濟個資管理辦法、消保法的條文問答與自評
直接輸入問題，例如「委外物流要怎麼監督？」、「個資法第27條」、「PDPA Article 27」；
輸入「開始自評」逐題完成查核表，「說明」看所有指令。Ask in English too. Ctrl-C or /exit to leave.`;

/** The terminal chat: the same engine the channels use, over readline with history. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const { values } = parseArgs({ args: process.argv.slice(2), options: { user: { type: "string" } } });
  const logger = createLogger(config.env.LOG_LEVEL === "info" ? "warn" : config.env.LOG_LEVEL);
  if (config.regulationDirs.length === 0) {
    process.stderr.write(
      "找不到法規檔案 / No regulation files found.\n" +
        "Set REGULATIONS_DIR to the folder holding the MOJ open-data files (zh/PCODE.json, en/PCODE.json),\n" +
        "e.g. REGULATIONS_DIR=../shared/corpus/moj npm run chat\n",
    );
    process.exit(1);
  }
  const services = await createServices(config, { logger, onProgress: (m) => process.stderr.write(`${m}\n`) });
  const { counts } = services.index.manifest;
  process.stdout.write(`${WELCOME}\n(${counts.regulations} regulation files, ${counts.articles} articles indexed)\n\n`);
  try {
    await runTerminalConversation({
      engine: services.engine,
      logger,
      userId: values.user ?? config.cliUser,
      reportDir: join(config.dataDir, "reports"),
      timeoutMs: config.env.TURN_TIMEOUT_MS,
    });
  } finally {
    await services.store.close();
  }
}

main().catch(exitWithError);
