import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/config.js";
import { createServices, type Services } from "../../adapters/runtime.js";
import type { Answer, Reply } from "../../bot/index.js";
import { corpusDir, tempDir } from "../support/corpus.js";
import { partsOf, say } from "../support/engine.js";
import { type FakeLlmServer, type ScriptedReply, startFakeLlmServer } from "../support/llm/fake-llm-server.js";
import { promptClauses, SCRIPTS } from "../support/llm/scripts.js";
import { type LogEntry, recordingLogger } from "../support/recording-logger.js";

// A question written for this test, with a phone number that must never reach the model.
const QUESTION = "我們網站被駭，會員個資外洩了，要在多久內通報主管機關？有問題打 0912-345-678";

const EXPECTED: Record<string, { mode: "model" | "offline"; fallbackReason?: string; dropped?: string }> = {
  correct: { mode: "model" },
  "cites a clause it was not given": { mode: "offline", fallbackReason: "nothing_verified", dropped: "unknown_clause" },
  "wrong deadline": { mode: "offline", fallbackReason: "nothing_verified", dropped: "unsupported_fact" },
  refusal: { mode: "offline", fallbackReason: "refused" },
  "malformed output": { mode: "offline", fallbackReason: "malformed_output" },
  "HTTP 500": { mode: "offline", fallbackReason: "model_error" },
  "HTTP 429": { mode: "offline", fallbackReason: "rate_limited" },
  timeout: { mode: "offline", fallbackReason: "timeout" },
};

const PROVIDERS = [
  { provider: "openai", env: (url: string) => ({ LLM_PROVIDER: "openai", LLM_API_KEY: "sk-test", LLM_BASE_URL: `${url}/v1` }), model: "gpt-4o-mini" },
  { provider: "ollama", env: (url: string) => ({ LLM_PROVIDER: "ollama", LLM_MODEL: "qwen2.5:7b", LLM_BASE_URL: url }), model: "qwen2.5:7b" },
] as const;

describe("grounded answers against a local model server", () => {
  const data = tempDir("llm-");
  let fake: FakeLlmServer;
  let script: (call: Parameters<(typeof SCRIPTS)["correct"]>[0]) => ScriptedReply = SCRIPTS.correct as never;
  let offline: Services;
  let offlineAnswer: Answer;
  beforeAll(async () => {
    fake = await startFakeLlmServer((call) => script(call));
    offline = await servicesWith({}, "offline.db", recordingLogger());
    offlineAnswer = answerOf(await say(offline.engine, "u-offline", QUESTION));
  });
  afterAll(async () => {
    await fake.close();
    await offline.store.close();
    data.cleanup();
  });

  function servicesWith(env: Record<string, string>, log: string, logger: ReturnType<typeof recordingLogger>): Promise<Services> {
    const config = loadConfig({ REGULATIONS_DIR: corpusDir(), DATA_DIR: data.path, LOG_LEVEL: "silent", LLM_TIMEOUT_MS: "400", ...env });
    return createServices(config, { logger, answerLogPath: join(data.path, log) });
  }

  function answerOf(reply: Reply): Answer & { questionId: string } {
    const part = partsOf(reply, "answer")[0];
    if (!part) throw new Error(`no answer in ${JSON.stringify(reply.parts.map((p) => p.kind))}`);
    return { ...part.answer, questionId: part.questionId };
  }

  it("the offline answer (no model configured) cites the reporting clause and records no model", async () => {
    expect(offlineAnswer.abstained).toBe(false);
    expect(offlineAnswer.generation).toBeUndefined();
    expect(offlineAnswer.citations.map((c) => c.id)).toContain("K0010162:8:2");
  });

  it("👎 offers the four reasons and records the one picked with the question's citation ids", async () => {
    const asked = await say(offline.engine, "U9", "個資外洩要在多久內通報？");
    const answer = partsOf(asked, "answer")[0];
    const questionId = answer?.questionId ?? "";
    const down = await say(offline.engine, "U9", "", { text: undefined, action: { type: "feedback", questionId, value: "down" }, lang: "zh" });
    const offer = partsOf(down, "feedback_reasons")[0];
    expect(offer?.options.map((o) => o.reason)).toEqual(["wrong_clause", "outdated", "not_answered", "other"]);
    expect(offer?.options.map((o) => o.label)).toEqual(["引用條文不對", "規定已過時", "沒有回答問題", "其他"]);
    const picked = await say(offline.engine, "U9", "", {
      text: undefined,
      action: { type: "feedback", questionId, value: "down", reason: "wrong_clause" },
      lang: "zh",
    });
    expect(partsOf(picked, "notice")[0]?.text).toBe("感謝回饋，已記錄。");
    const citationIds = answer?.answer.citations.map((c) => c.id);
    expect(citationIds?.length).toBeGreaterThan(0);
    expect(await offline.store.feedback(questionId)).toMatchObject([
      { value: "down", citationIds },
      { value: "down", reason: "wrong_clause", citationIds },
    ]);
  });

  for (const p of PROVIDERS) {
    describe(`${p.provider}`, () => {
      const entries: LogEntry[] = [];
      let services: Services;
      beforeAll(async () => {
        services = await servicesWith(p.env(fake.url), `${p.provider}.db`, recordingLogger(entries));
      });
      afterAll(() => services.store.close());

      for (const [name, expected] of Object.entries(EXPECTED)) {
        it(`${name}: ${expected.mode}${expected.fallbackReason ? ` (${expected.fallbackReason})` : ""}, recorded in the answer log`, async () => {
          script = SCRIPTS[name] as typeof script;
          const before = fake.calls.length;
          const answer = answerOf(await say(services.engine, `u-${p.provider}`, QUESTION));
          const call = fake.calls[before];
          expect(call?.api).toBe(p.provider);
          // The model saw the masked question and exactly the offline answer's clauses, numbered.
          const seen = JSON.stringify(call?.messages);
          expect(seen).not.toContain("0912");
          expect(seen).toContain("〔電話號碼已遮蔽〕");
          expect(promptClauses(call as never).map((c) => c.label)).toEqual(offlineAnswer.citations.map((c) => c.label));

          const g = answer.generation;
          expect(g).toMatchObject({ mode: expected.mode, provider: p.provider, model: p.model, shownClauseIds: offlineAnswer.citations.map((c) => c.id) });
          if (expected.mode === "model") {
            expect(g?.kept).toHaveLength(1);
            expect(answer.text.startsWith("由模型整理，以引用條文為準")).toBe(true);
            expect(answer.lead).toContain(offlineAnswer.citations[0]?.label);
            expect(answer.citations.map((c) => c.id)).toEqual(offlineAnswer.citations.map((c) => c.id));
          } else {
            expect(g?.fallbackReason).toBe(expected.fallbackReason);
            expect(answer.lead).toBe(offlineAnswer.lead);
            expect(answer.citations.map((c) => c.id)).toEqual(offlineAnswer.citations.map((c) => c.id));
            expect(answer.text).not.toContain("由模型整理");
            expect(answer.text).not.toContain("九百九十九");
          }
          if (expected.dropped) expect(g?.dropped.map((d) => d.reason)).toEqual([expected.dropped]);

          const db = new Database(join(data.path, `${p.provider}.db`), { readonly: true });
          const row = db.prepare("SELECT * FROM questions WHERE id = ?").get(answer.questionId) as Record<string, string | null>;
          db.close();
          expect(row).toMatchObject({
            answer_mode: expected.mode,
            model_provider: p.provider,
            model_name: p.model,
            fallback_reason: expected.fallbackReason ?? null,
          });
          expect(row.question).not.toContain("0912");
          expect(JSON.parse(row.shown_clause_ids ?? "[]")).toEqual(g?.shownClauseIds);
          expect(JSON.parse(row.sentences_kept ?? "[]")).toEqual(g?.kept);
          expect(JSON.parse(row.sentences_dropped ?? "[]")).toEqual(g?.dropped);
          if (expected.fallbackReason && expected.fallbackReason !== "nothing_verified") {
            expect(entries.some((e) => e.message.startsWith("model answer not used") && e.fields.reason === expected.fallbackReason)).toBe(true);
          }
        });
      }
    });
  }

  it("azure-openai: the deployment path with the api-key header, chosen by configuration alone", async () => {
    script = SCRIPTS.correct as typeof script;
    const services = await servicesWith(
      { LLM_PROVIDER: "azure-openai", LLM_API_KEY: "az-key", LLM_BASE_URL: fake.url, LLM_MODEL: "gpt-4o-mini", LLM_AZURE_DEPLOYMENT: "answers" },
      "azure.db",
      recordingLogger(),
    );
    const answer = answerOf(await say(services.engine, "u-azure", QUESTION));
    await services.store.close();
    expect(answer.generation).toMatchObject({ mode: "model", provider: "azure-openai", model: "answers" });
    const call = fake.calls.at(-1);
    expect(call?.path).toMatch(/^\/openai\/deployments\/answers\/chat\/completions\?api-version=/);
    expect(call?.apiKeyHeader).toBe("az-key");
  });
});
