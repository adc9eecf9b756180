import { loadConfig } from "../../adapters/config.js";
import { createLogger } from "../../adapters/logger.js";
import { createRuntime, type PipelineName, type Runtime } from "../../adapters/runtime.js";
import { corpusDir } from "./corpus.js";

/** A runtime over the real corpus with its index in `dataDir` and logs silenced. */
export async function testRuntime(dataDir: string, env: Record<string, string> = {}, pipeline?: PipelineName): Promise<Runtime> {
  const config = loadConfig({ REGULATIONS_DIR: corpusDir(), DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env });
  return createRuntime(config, { logger: createLogger("silent"), ...(pipeline ? { pipeline } : {}) });
}
