import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import type { Logger } from "../../bot/index.js";
import { PROJECT_ROOT } from "../config.js";

export interface SyncSchedule {
  /** Runs one sync now (also what the timer calls); resolves when it has finished, whatever the outcome. */
  runOnce(): Promise<void>;
  stop(): void;
}

export interface SyncScheduleOptions {
  intervalHours: number;
  logger: Logger;
  /** Called after a sync that took in a new corpus, to open it in this process. */
  onSynced: (result: { version: string; changed: number }) => Promise<void>;
  /** Environment of the sync process (tests); default: this process's. */
  env?: Record<string, string | undefined>;
}

/**
 * `npm start` with SYNC_INTERVAL_HOURS: runs `npm run cli -- sync --json` in a child
 * process every so often, so parsing and indexing never block the server's event loop,
 * logs what changed, then lets the server open the new corpus. One sync at a time; SIGTERM
 * (stop) ends a running one.
 */
export function createSyncSchedule(options: SyncScheduleOptions): SyncSchedule {
  let child: ChildProcess | undefined;
  let running: Promise<void> | undefined;
  const runOnce = () => {
    running ??= runChild().finally(() => {
      running = undefined;
    });
    return running;
  };
  const runChild = () =>
    new Promise<void>((done) => {
      const started = Date.now();
      child = spawn(resolve(PROJECT_ROOT, "node_modules/.bin/tsx"), ["adapters/channels/cli/main.ts", "sync", "--json"], {
        cwd: PROJECT_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        ...(options.env ? { env: options.env } : {}),
      });
      let stdout = "";
      let stderr = "";
      child.stdout?.on("data", (chunk) => {
        stdout += chunk;
      });
      child.stderr?.on("data", (chunk) => {
        stderr += chunk;
      });
      child.on("close", async (code) => {
        child = undefined;
        const ms = Date.now() - started;
        if (code !== 0) {
          options.logger.warn({ code, ms, error: stderr.trim().split("\n").slice(-3).join(" | ") }, "scheduled sync failed; the current corpus stays in use");
          return done();
        }
        try {
          const json = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
            version: string;
            previous?: string;
            changes: Array<{ pcode: string; kinds: string[] }>;
            impact?: { questions: unknown[]; responses: unknown[] };
          };
          options.logger.info(
            {
              version: json.version,
              previous: json.previous,
              changed: json.changes.length,
              regulations: json.changes.slice(0, 50).map((c) => `${c.pcode}:${c.kinds.join("+")}`),
              impactedAnswers: json.impact?.questions.length ?? 0,
              impactedResponses: json.impact?.responses.length ?? 0,
              ms,
            },
            `scheduled sync: version ${json.version}, ${json.changes.length} regulations changed`,
          );
          await options.onSynced({ version: json.version, changed: json.changes.length });
        } catch (error) {
          options.logger.error({ error: (error as Error).message }, "scheduled sync finished but its result could not be taken in");
        }
        done();
      });
    });
  const timer = setInterval(() => void runOnce(), options.intervalHours * 3_600_000);
  timer.unref();
  return {
    runOnce,
    stop() {
      clearInterval(timer);
      child?.kill("SIGTERM");
    },
  };
}
