import { spawn } from "node:child_process";
import { chmodSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { corpusDir, tempDir } from "../support/corpus.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = resolve(ROOT, "node_modules/.bin/tsx");
/** Root writes anywhere, so as root the read-only DATA_DIR is exercised as the unprivileged user nobody. */
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function run(script: string, args: string[], dataDir: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(TSX, [script, ...args], {
      cwd: ROOT,
      ...AS_NOBODY,
      env: { PATH: process.env.PATH ?? "", HOME: "/tmp", REGULATIONS_DIR: corpusDir(), DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "info" },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      output += c.toString();
    });
    // A server that did start would keep running: stop it, the test then fails on the exit code.
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, output });
    });
  });
}

describe("a read-only DATA_DIR", () => {
  const data = tempDir("readonly-");
  const withIndex = join(data.path, "with-index");
  const empty = join(data.path, "empty");
  beforeAll(async () => {
    // Build the index while the folder is writable, as an operator would before locking it.
    const built = await runCli(["ingest"], withIndex);
    expect(built.code).toBe(0);
    mkdirSync(empty, { recursive: true });
    chmodSync(data.path, 0o755);
    chmodSync(withIndex, 0o555);
    chmodSync(join(withIndex, "index"), 0o555);
    chmodSync(empty, 0o555);
  });
  afterAll(() => {
    chmodSync(withIndex, 0o755);
    chmodSync(join(withIndex, "index"), 0o755);
    chmodSync(empty, 0o755);
    data.cleanup();
  });

  it("stops `npm start` at start-up with one clear message, no stack trace", async () => {
    const result = await run("adapters/server-main.ts", [], withIndex);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Error [STORE_FAILED]: DATA_DIR ${withIndex} cannot be written: permission denied (EACCES)`);
    expect(result.output).toContain("Hint: Set DATA_DIR to a writable folder");
    expect(result.output).not.toMatch(/\n\s+at /);
    expect(result.output).not.toContain("listening");
  });

  it("still answers `ask` from an up-to-date index", async () => {
    const result = await run("adapters/channels/cli/main.ts", ["ask", "個資法第27條", "--json"], withIndex);
    expect(result.code, result.output).toBe(0);
    expect(JSON.parse(result.output.trim().split("\n").at(-1) ?? "{}").citations[0].id).toMatch(/^I0050021:27/);
  });

  it("says the index cannot be built when `ask` finds none", async () => {
    const result = await run("adapters/channels/cli/main.ts", ["ask", "個資法第27條"], empty);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`DATA_DIR ${join(empty, "index")} cannot be written: permission denied (EACCES). The index must be built`);
    expect(result.output).not.toMatch(/\n\s+at /);
  });
});
