import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Logger } from "../bot/index.js";
import { PROJECT_ROOT } from "./config.js";

export type BuildOutcome = "built" | "cancelled" | "failed";

export interface BackgroundBuild {
  /** Settles when the child exits. */
  done: Promise<BuildOutcome>;
  /** Asks the child to stop (SIGTERM) and waits for it. */
  stop(): Promise<BuildOutcome>;
}

const CHILD = fileURLToPath(new URL("./build-index-main.ts", import.meta.url));

/**
 * Runs the index build in a child process with the same environment and loader (tsx), so
 * the server keeps acknowledging Slack and Teams while the corpus is analysed; the parent
 * opens the finished index (a cheap read) and swaps it in.
 */
export function startBackgroundBuild(logger: Logger, env: NodeJS.ProcessEnv = process.env): BackgroundBuild {
  // The child runs TypeScript like its parent: under `tsx` the loader is in execArgv already.
  const execArgv = process.execArgv.some((a) => a.includes("tsx")) ? process.execArgv : [...process.execArgv, "--import", "tsx"];
  const child: ChildProcess = fork(CHILD, [], { cwd: PROJECT_ROOT, env, execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  child.on("message", (message: { type?: string; message?: string; status?: string; ms?: number }) => {
    if (message.type === "progress") logger.info({}, `index build: ${message.message}`);
    else if (message.type === "done") logger.info({ status: message.status, ms: Math.round(message.ms ?? 0) }, "index build finished");
    else if (message.type === "failed") logger.error({ reason: message.message }, "index build failed; the current index stays");
  });
  const done = new Promise<BuildOutcome>((resolve) => {
    child.once("exit", (code) => resolve(code === 0 ? "built" : code === 3 ? "cancelled" : "failed"));
  });
  return {
    done,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return done;
    },
  };
}
