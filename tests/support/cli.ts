import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { resolve } from "node:path";
import { corpusDir } from "./corpus.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = resolve(ROOT, "node_modules/.bin/tsx");

/** Starts `npm run cli -- ...` the way a user would (through tsx), with its own data folder. */
export function startCli(args: string[], dataDir: string, env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(TSX, ["adapters/channels/cli/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, REGULATIONS_DIR: corpusDir(), DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
  });
}

/** Runs the CLI to the end with `input` on stdin; resolves with its output and exit code. */
export function runCli(
  args: string[],
  dataDir: string,
  input = "",
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = startCli(args, dataDir, env);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Resolves once the process has printed text matching `pattern` (anywhere in its output so far). */
export function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((done, fail) => {
    let seen = "";
    const timer = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}; output so far:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        done(seen);
      }
    };
    child.stdout.on("data", onData);
  });
}
