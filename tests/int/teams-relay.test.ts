import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Engine } from "../../bot/index.js";
import { tempDir } from "../support/corpus.js";
import { scriptedEngine } from "../support/fakes/index.js";
import { startServer } from "../support/server.js";
import { post, textMessage } from "../support/teams/activities.js";
import { type FakeConnector, startFakeConnector } from "../support/teams/fake-connector.js";
import { type FakeIssuer, startFakeIssuer } from "../support/teams/fake-issuer.js";
import { startTeamsBot } from "../support/teams/teams-bot-server.js";

const APP_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

/** An engine that counts the turns it was given: a rejected request must reach none. */
function countingEngine(): Engine & { turns: number } {
  const engine = Object.assign(
    scriptedEngine(async () => {
      engine.turns++;
      return { lang: "zh", parts: [{ kind: "notice", text: "hi", tone: "info" }] };
    }),
    { turns: 0 },
  );
  return engine;
}

describe("Teams is no open relay", () => {
  let connector: FakeConnector;
  let other: FakeConnector;
  beforeEach(async () => {
    connector = await startFakeConnector();
    other = await startFakeConnector();
  });
  afterEach(async () => {
    await connector.close();
    await other.close();
  });

  describe("npm start with only the Slack variables", () => {
    const data = tempDir("relay-server-");
    afterAll(() => data.cleanup());

    it("does not serve /api/messages and says which channels are on and how", async () => {
      const server = await startServer(data.path, {
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_SIGNING_SECRET: "secret",
        SLACK_API_URL: `${connector.serviceUrl}api/`,
      });
      try {
        const response = await post(`${server.url}/api/messages`, textMessage(connector.serviceUrl, "個資法第27條"));
        expect(response.status).toBe(404);
        const listening = server.logs.find((l) => String(l.msg).startsWith("listening"));
        expect(listening?.channels).toEqual({ slack: expect.stringMatching(/signature/) });
        expect(server.logs.some((l) => /Teams is off: set MicrosoftAppId/.test(String(l.msg)))).toBe(true);
        await new Promise((r) => setTimeout(r, 300));
        expect(connector.calls).toHaveLength(0);
      } finally {
        await server.stop();
      }
    });
  });

  describe("emulator mode (TEAMS_EMULATOR=true)", () => {
    it("answers a loopback service URL", async () => {
      const engine = countingEngine();
      const bot = await startTeamsBot(engine, { TEAMS_EMULATOR: "true" });
      try {
        const response = await post(bot.messagesUrl, textMessage(connector.serviceUrl, "hello"));
        expect(response.status).toBe(200);
        expect(engine.turns).toBe(1);
        expect(connector.sent()).toHaveLength(1);
      } finally {
        await bot.close();
      }
    });

    it("refuses a service URL that is not on this machine, before anything runs", async () => {
      const engine = countingEngine();
      const bot = await startTeamsBot(engine, { TEAMS_EMULATOR: "true" });
      try {
        // .invalid never resolves (RFC 2606), so even a broken check sends nothing off this machine.
        for (const serviceUrl of ["http://forged.invalid/", "http://localhost.forged.invalid/", "file:///etc/passwd", "not a url"]) {
          const response = await post(bot.messagesUrl, textMessage(serviceUrl, "hello"));
          expect(response.status).toBe(401);
        }
        expect(engine.turns).toBe(0);
        expect(connector.calls).toHaveLength(0);
        expect(bot.logger.entries.some((e) => /loopback only/.test(e.message))).toBe(true);
      } finally {
        await bot.close();
      }
    });
  });

  describe("with an app id", () => {
    let issuer: FakeIssuer;
    beforeAll(async () => {
      issuer = await startFakeIssuer();
    });
    afterAll(async () => {
      await issuer.close();
    });
    const env = () => ({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "test-secret",
      TEAMS_OPENID_METADATA_URL: issuer.metadataUrl,
      TEAMS_TOKEN_ISSUER: issuer.issuer,
      TEAMS_TOKEN_ENDPOINT: issuer.tokenEndpoint,
    });

    it("replies only to the service URL the token vouches for", async () => {
      const engine = countingEngine();
      const bot = await startTeamsBot(engine, env());
      try {
        // A valid token for one connector, an activity that asks for replies to another.
        const forged = textMessage(other.serviceUrl, "hello");
        const response = await post(bot.messagesUrl, forged, issuer.token({ aud: APP_ID, serviceurl: connector.serviceUrl }));
        expect(response.status).toBe(401);
        const noClaim = await post(
          bot.messagesUrl,
          textMessage(other.serviceUrl, "hello"),
          issuer.token({ aud: APP_ID, serviceurl: undefined as unknown as string }),
        );
        expect(noClaim.status).toBe(401);
        expect(engine.turns).toBe(0);
        expect(other.calls).toHaveLength(0);
        expect(connector.calls).toHaveLength(0);

        const genuine = textMessage(connector.serviceUrl, "hello");
        const ok = await post(bot.messagesUrl, genuine, issuer.token({ aud: APP_ID, serviceurl: connector.serviceUrl }));
        expect(ok.status).toBe(200);
        expect(connector.sent()).toHaveLength(1);
        expect(other.calls).toHaveLength(0);
      } finally {
        await bot.close();
      }
    });
  });
});
