import { isAppError } from "../knowledge/index.js";
import { loadConfig, loadDotEnv } from "./config.js";
import { createLogger } from "./logger.js";
import { createRuntime } from "./runtime.js";

/**
 * The index build as a child process of `npm start` (adapters/background-build.ts), so a
 * national-scale build never holds up the server's event loop. Progress and the outcome go
 * to the parent over IPC. SIGTERM stops the build between two files and leaves the current
 * index as it was (exit code 3).
 */
export const CANCELLED_EXIT_CODE = 3;

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL);
  const controller = new AbortController();
  process.once("SIGTERM", () => controller.abort());
  const send = (message: object) => process.send?.(message);
  try {
    const runtime = await createRuntime(config, { logger, signal: controller.signal, onProgress: (message) => send({ type: "progress", message }) });
    send({ type: "done", status: runtime.report.status, ms: runtime.report.ms, problems: runtime.report.problems.length });
    process.exitCode = 0;
  } catch (error) {
    if (isAppError(error, "BUILD_CANCELLED")) {
      process.exitCode = CANCELLED_EXIT_CODE;
      return;
    }
    send({ type: "failed", message: (error as Error).message });
    process.exitCode = 1;
  } finally {
    process.disconnect?.();
  }
}

void main();
