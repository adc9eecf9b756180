import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { resolve } from "node:path";
import { corpusDir } from "./corpus.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = resolve(ROOT, "node_modules/.bin/tsx");

export interface RunningServer {
  url: string;
  /** Every JSON log line printed so far. */
  logs: Array<Record<string, unknown>>;
  child: ChildProcessWithoutNullStreams;
  stop(): Promise<void>;
}

/**
 * Starts `npm start` as a user would (through tsx) on a free port; resolves once it listens
 * and its index is in use (on a first start the server listens at once and builds the
 * index in a child process; pass `untilIndex: false` to resolve on listening alone).
 */
export function startServer(dataDir: string, env: Record<string, string> = {}, timeoutMs = 90_000, untilIndex = true): Promise<RunningServer> {
  const child = spawn(TSX, ["adapters/server-main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", REGULATIONS_DIR: corpusDir(), DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "info", ...env },
  });
  const logs: Array<Record<string, unknown>> = [];
  let output = "";
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
  let building = false;
  let url: string | undefined;
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.once("exit", (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
    // The log goes to stderr (JSON lines); read both streams line by line.
    const onLines = (pending: { text: string }) => (chunk: Buffer) => {
      output += chunk.toString();
      pending.text += chunk.toString();
      const lines = pending.text.split("\n");
      pending.text = lines.pop() ?? "";
      for (const line of lines) {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          const message = typeof entry.msg === "string" ? entry.msg : "";
          if (message.startsWith("no usable index yet") || message.startsWith("the index is out of date")) building = true;
          if (message === "new index in use") building = false;
          if (message.startsWith("listening")) url = `http://127.0.0.1:${entry.port}`;
          if (url && (!building || !untilIndex)) {
            clearTimeout(timer);
            ready({ url, logs, child, stop });
          }
        } catch {
          // not a log line
        }
      }
    };
    child.stdout.on("data", onLines({ text: "" }));
    child.stderr.on("data", onLines({ text: "" }));
  });
}
