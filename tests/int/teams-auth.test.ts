import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTeamsChannel, teamsMode } from "../../adapters/channels/teams/index.js";
import { loadConfig } from "../../adapters/config.js";
import { isAppError } from "../../knowledge/index.js";
import { tempDir } from "../support/corpus.js";
import { scriptedEngine } from "../support/fakes/index.js";
import { recordingLogger } from "../support/recording-logger.js";
import { post, textMessage } from "../support/teams/activities.js";
import { type FakeConnector, startFakeConnector } from "../support/teams/fake-connector.js";
import { type FakeIssuer, newRsaKey, signJwt, startFakeIssuer } from "../support/teams/fake-issuer.js";
import { startTeamsBot, type TeamsBotServer, teamsServices } from "../support/teams/teams-bot-server.js";

const APP_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

describe("Teams channel authentication", () => {
  const data = tempDir("teams-auth-");
  let services: Awaited<ReturnType<typeof teamsServices>>;
  let issuer: FakeIssuer;
  let connector: FakeConnector;
  let bot: TeamsBotServer;

  const env = () => ({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: "test-secret",
    MicrosoftAppType: "MultiTenant",
    TEAMS_OPENID_METADATA_URL: issuer.metadataUrl,
    TEAMS_TOKEN_ISSUER: issuer.issuer,
    TEAMS_TOKEN_ENDPOINT: issuer.tokenEndpoint,
  });
  const deliveries = () => {
    const db = new Database(services.answerLogPath, { readonly: true });
    const { n } = db.prepare("SELECT COUNT(*) AS n FROM deliveries").get() as { n: number };
    db.close();
    return n;
  };
  const valid = (activity: { serviceUrl: string }) => issuer.token({ aud: APP_ID, serviceurl: activity.serviceUrl });

  beforeAll(async () => {
    services = await teamsServices(data.path);
    issuer = await startFakeIssuer();
  });
  afterAll(async () => {
    await issuer.close();
    await services.store.close();
    data.cleanup();
  });
  // A fresh bot and connector per test: botbuilder keeps process-wide caches keyed by URL.
  beforeEach(async () => {
    connector = await startFakeConnector();
    bot = await startTeamsBot(services.engine, env());
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  it("accepts a valid channel token and replies with an outbound token from the configured endpoint", async () => {
    const activity = textMessage(connector.serviceUrl, "個資法第27條");
    const before = deliveries();
    const response = await post(bot.messagesUrl, activity, valid(activity));
    expect(response.status).toBe(200);
    expect(deliveries()).toBe(before + 1);
    const [reply] = connector.sent();
    expect(reply?.activityId).toBe(activity.id);
    expect(reply?.authorization).toMatch(/^Bearer outbound-/);
    expect(issuer.issued.has(String(reply?.authorization).slice("Bearer ".length))).toBe(true);
    expect(issuer.tokenRequests.at(-1)).toMatchObject({
      grant_type: "client_credentials",
      client_id: APP_ID,
      client_secret: "test-secret",
      scope: "https://api.botframework.com/.default",
    });
    expect(bot.logger.entries.some((e) => e.fields.mode === "emulator")).toBe(false);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const rejected: Array<[string, (activity: { serviceUrl: string }) => string | undefined]> = [
    ["a missing token", () => undefined],
    ["a token that is not a JWT", () => "not-a-jwt"],
    [
      "a tampered token (payload changed after signing)",
      (a) => {
        const [header, , signature] = valid(a).split(".");
        const payload = Buffer.from(JSON.stringify({ iss: issuer.issuer, aud: APP_ID, serviceurl: a.serviceUrl, nbf: now() - 60, exp: now() + 7200 })).toString(
          "base64url",
        );
        return `${header}.${payload}.${signature}`;
      },
    ],
    ["an expired token", (a) => issuer.token({ aud: APP_ID, serviceurl: a.serviceUrl, nbf: now() - 7200, iat: now() - 7200, exp: now() - 3600 })],
    ["a token not valid yet (future nbf)", (a) => issuer.token({ aud: APP_ID, serviceurl: a.serviceUrl, nbf: now() + 3600, exp: now() + 7200 })],
    ["a wrong issuer", (a) => issuer.token({ iss: "https://evil.example", aud: APP_ID, serviceurl: a.serviceUrl })],
    ["a wrong audience", (a) => issuer.token({ aud: "00000000-0000-0000-0000-000000000000", serviceurl: a.serviceUrl })],
    ["a service URL other than the activity's", (a) => issuer.token({ aud: APP_ID, serviceurl: `${a.serviceUrl}other/` })],
    ["a token signed by a foreign key with a known kid", (a) => issuer.token({ aud: APP_ID, serviceurl: a.serviceUrl }, { key: newRsaKey().privateKey })],
    [
      "alg none",
      (a) => {
        const [, payload] = valid(a).split(".");
        return `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
      },
    ],
    ["an unsupported algorithm (PS256 header)", (a) => issuer.token({ aud: APP_ID, serviceurl: a.serviceUrl }, { alg: "PS256" })],
  ];

  for (const [name, tokenFor] of rejected) {
    it(`answers 401 to ${name}, records nothing and sends nothing`, async () => {
      const activity = textMessage(connector.serviceUrl, "個資法第27條");
      const before = deliveries();
      const response = await post(bot.messagesUrl, activity, tokenFor(activity));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: "unauthorized", requestId: expect.any(String) });
      expect(deliveries()).toBe(before);
      expect(connector.calls).toHaveLength(0);
      expect(bot.logger.entries.some((e) => e.level === "warn" && e.message.includes("authentication failed"))).toBe(true);
    });
  }

  it("also rejects an unauthenticated card action (invoke) with 401", async () => {
    const activity = { ...textMessage(connector.serviceUrl, ""), type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute" } } };
    const forged = signJwt(
      { alg: "RS256", typ: "JWT", kid: "unknown" },
      { iss: issuer.issuer, aud: APP_ID, serviceurl: activity.serviceUrl },
      newRsaKey().privateKey,
    );
    expect((await post(bot.messagesUrl, activity, forged)).status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });
});

describe("Teams channel start-up", () => {
  const engine = scriptedEngine();
  const channel = (env: Record<string, string>, logger = recordingLogger()) =>
    createTeamsChannel({ config: loadConfig({ LOG_LEVEL: "silent", ...env }), engine, logger });

  it("runs in emulator mode only when asked for, and says so loudly", () => {
    const logger = recordingLogger();
    expect(channel({ NODE_ENV: "development", TEAMS_EMULATOR: "true" }, logger).name).toBe("teams");
    const warning = logger.entries.find((e) => e.level === "warn");
    expect(warning?.fields).toMatchObject({ channel: "teams", mode: "emulator" });
    expect(warning?.message).toMatch(/EMULATOR MODE.*UNAUTHENTICATED.*loopback/);
  });

  it("is off without an app id unless the emulator mode is asked for", () => {
    expect(teamsMode(loadConfig({ LOG_LEVEL: "silent", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).env)).toBe("off");
    expect(teamsMode(loadConfig({ LOG_LEVEL: "silent", TEAMS_EMULATOR: "true" }).env)).toBe("emulator");
    expect(teamsMode(loadConfig({ LOG_LEVEL: "silent", MicrosoftAppId: APP_ID }).env)).toBe("authenticated");
    expect(teamsMode(loadConfig({ LOG_LEVEL: "silent", MicrosoftAppId: APP_ID, TEAMS_ENABLED: "false" }).env)).toBe("off");
    expect(() => channel({})).toThrow(/MicrosoftAppId is not set/);
    expect(() => channel({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: "x", TEAMS_EMULATOR: "true" })).toThrow(/both set/);
  });

  it("refuses emulator mode when NODE_ENV=production", () => {
    let error: unknown;
    try {
      channel({ NODE_ENV: "production", TEAMS_EMULATOR: "true" });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, "CONFIG_INVALID")).toBe(true);
    expect((error as Error).message).toMatch(/TEAMS_EMULATOR=true is refused when NODE_ENV=production/);
    expect((error as { hint?: string }).hint).toMatch(/MicrosoftAppPassword/);
  });

  it("lists every problem of an incomplete app registration", () => {
    let error: unknown;
    try {
      channel({ MicrosoftAppId: "not-a-guid", MicrosoftAppType: "SingleTenant", TEAMS_TOKEN_ENDPOINT: "http://127.0.0.1:9/token" });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, "CONFIG_INVALID")).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain("MicrosoftAppId: expected the bot's Microsoft App ID");
    expect(message).toContain("MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant");
    expect(message).toContain("MicrosoftAppPassword: required");
    expect(message).toContain("TEAMS_TOKEN_ENDPOINT: needs MicrosoftAppPassword");
  });

  it("accepts a user-assigned managed identity without a password", () => {
    expect(channel({ MicrosoftAppId: APP_ID, MicrosoftAppType: "UserAssignedMSI", MicrosoftAppTenantId: "tenant", NODE_ENV: "production" }).name).toBe("teams");
  });
});
