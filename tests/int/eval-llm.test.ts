import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusDir, tempDir } from "../support/corpus.js";
import { type FakeLlmServer, startFakeLlmServer } from "../support/llm/fake-llm-server.js";
import { promptClauses } from "../support/llm/scripts.js";

const ROOT = resolve(import.meta.dirname, "../..");

// Questions written for this test (not from any evaluation set); the last one is out of scope.
const SET = [
  { id: "t1", type: "zh", question: "個資外洩事故發生後，業者要在多久內通報？", gold: ["K0010162:8"], facts: [] },
  { id: "t2", type: "zh", question: "網購商品收到後可以在幾天內退貨？", gold: ["J0170001:19"], facts: [] },
  { id: "t3", type: "en", lang: "en", question: "Must a shop tell customers why it collects their personal data?", gold: ["I0050021:8"], facts: [] },
  { id: "t4", type: "abstain", question: "員工加班費要怎麼計算？", gold: [], facts: [] },
];

function runEval(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(resolve(ROOT, "node_modules/.bin/tsx"), ["scripts/eval.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, REGULATIONS_DIR: corpusDir(), LOG_LEVEL: "silent", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => {
      stdout += c;
    });
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe("npm run eval -- --llm against a scripted model", () => {
  const work = tempDir("eval-llm-");
  let fake: FakeLlmServer;
  const set = join(work.path, "set.jsonl");
  beforeAll(async () => {
    writeFileSync(set, SET.map((item) => JSON.stringify(item)).join("\n"));
    // Per answer: one sentence copied from clause 1, and three that must be dropped.
    fake = await startFakeLlmServer((call) => {
      const clauses = promptClauses(call);
      const first = clauses[0]?.text.split(/(?<=[。.])/)[0]?.trim() ?? "";
      return {
        kind: "json",
        value: {
          sentences: [
            { text: first, clauses: [1] },
            { text: "業者應於九百九十九日內辦理。", clauses: [1] },
            { text: "業者應依規定辦理。", clauses: [clauses.length + 1] },
            { text: "罰鍰為新臺幣八百八十八萬元。", clauses: [] },
          ],
        },
      };
    });
  });
  afterAll(async () => {
    await fake.close();
    work.cleanup();
  });

  it("runs the model path and drops every unverified sentence", async () => {
    const env = { LLM_PROVIDER: "openai", LLM_API_KEY: "sk-test", LLM_BASE_URL: `${fake.url}/v1` };
    const { code, stdout, stderr } = await runEval(["--set", set, "--llm", "--verbose"], env);
    // stderr carries the index build's progress lines (main's eval); never a warning or an error.
    expect(stderr).not.toMatch(/error|warn|fail|exception/i);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
    const answered = SET.length - 1;
    expect(fake.calls).toHaveLength(answered);
    expect(summary.llm).toMatchObject({
      provider: "openai",
      model: "gpt-4o-mini",
      model_answers: answered,
      fallbacks: { abstained: 1 },
      sentences_kept: answered,
      sentences_dropped: answered * 3,
      dropped_by_reason: { unsupported_fact: answered, unknown_clause: answered, uncited_rule: answered },
      kept_unsupported: 0,
    });
    expect(summary.lead_unsupported).toBe(0);
    expect(stdout).not.toMatch(/九百九十九|八百八十八/);
  });

  it("refuses --llm without a configured model", async () => {
    const refused = await runEval(["--set", set, "--llm"], { LLM_PROVIDER: "none" });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("LLM_PROVIDER");
  });
});
