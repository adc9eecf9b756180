import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/config.js";
import { createLogger } from "../../adapters/logger.js";
import { createServices, type Services } from "../../adapters/runtime.js";
import { corpusDir, tempDir } from "../support/corpus.js";
import { type FakeLlmServer, type ScriptedReply, startFakeLlmServer } from "../support/llm/fake-llm-server.js";
import { correctAnswer } from "../support/llm/scripts.js";
import { actionsOf, cardOf, post, textMessage, textOf } from "../support/teams/activities.js";
import { type FakeConnector, startFakeConnector } from "../support/teams/fake-connector.js";
import { startTeamsBot, type TeamsBotServer } from "../support/teams/teams-bot-server.js";

// biome-ignore lint/suspicious/noExplicitAny: activities are free-form.
type Json = Record<string, any>;

// A question written for this test.
const QUESTION = "會員資料外洩了，要在多久內通報？";

describe("Teams: a model-written answer is marked AI-generated and carries one citation per clause", () => {
  const data = tempDir("teams-model-");
  let llm: FakeLlmServer;
  let script: (call: Parameters<typeof correctAnswer>[0]) => ScriptedReply = correctAnswer;
  let services: Services;
  let connector: FakeConnector;
  let bot: TeamsBotServer;
  beforeAll(async () => {
    llm = await startFakeLlmServer((call) => script(call));
    const config = loadConfig({
      REGULATIONS_DIR: corpusDir(),
      DATA_DIR: data.path,
      LOG_LEVEL: "silent",
      LLM_PROVIDER: "openai",
      LLM_API_KEY: "sk-test",
      LLM_BASE_URL: `${llm.url}/v1`,
    });
    services = await createServices(config, { logger: createLogger("silent"), answerLogPath: join(data.path, "answers.db") });
    connector = await startFakeConnector();
    bot = await startTeamsBot(services.engine);
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
    await services.store.close();
    await llm.close();
    data.cleanup();
  });

  it("labels the card, adds the AIGeneratedContent entity with Claim / DigitalDocument citations, keeps 👍 / 👎", async () => {
    script = correctAnswer;
    await post(bot.messagesUrl, textMessage(connector.serviceUrl, QUESTION, { userId: "29:fay" }));
    const body = connector.sent()[0]?.body as Json;
    const card = cardOf(body);
    expect(textOf(card)).toContain("由模型整理，以引用條文為準");
    const [entity] = body.entities as Json[];
    expect(entity).toMatchObject({ type: "https://schema.org/Message", "@type": "Message", additionalType: ["AIGeneratedContent"] });
    const citations = entity?.citation as Json[];
    expect(citations.length).toBeGreaterThan(0);
    citations.forEach((c, i) => {
      expect(c).toMatchObject({ "@type": "Claim", position: i + 1, appearance: { "@type": "DigitalDocument" } });
      expect(c.appearance.name).toMatch(/^《.+》第\d+條/);
      expect(c.appearance.abstract.length).toBeLessThanOrEqual(160);
      expect(c.appearance.url).toMatch(/^https:\/\/law\.moj\.gov\.tw\//);
    });
    expect(textOf(card)).toContain(citations[0]?.appearance.name);
    expect(
      actionsOf(card)
        .filter((a) => a.data?.ca === "feedback")
        .map((a) => a.data?.value),
    ).toEqual(["up", "down"]);
  });

  it("an offline fallback carries neither the label nor the entity", async () => {
    script = () => ({ kind: "status", status: 500 });
    const mark = connector.calls.length;
    await post(bot.messagesUrl, textMessage(connector.serviceUrl, QUESTION, { userId: "29:gus" }));
    const body = connector.sent(mark)[0]?.body as Json;
    expect(textOf(cardOf(body))).not.toContain("由模型整理");
    expect(body.entities ?? []).not.toContainEqual(expect.objectContaining({ additionalType: ["AIGeneratedContent"] }));
  });
});
