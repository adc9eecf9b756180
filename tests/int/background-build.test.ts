import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startBackgroundBuild } from "../../adapters/background-build.js";
import { corpusDir, tempDir } from "../support/corpus.js";
import { recordingLogger } from "../support/recording-logger.js";
import { startServer } from "../support/server.js";
import { startFakeSlackApi } from "../support/slack/fake-slack-api.js";
import { messageEvent, SIGNING_SECRET, sendSigned } from "../support/slack/slack-requests.js";

/** The eight regulations copied under many PCODEs: a corpus whose build takes several seconds. */
function writeLargerCorpus(target: string, copies: number): void {
  mkdirSync(join(target, "zh"), { recursive: true });
  for (const name of readdirSync(join(corpusDir(), "zh"))) {
    const raw = readFileSync(join(corpusDir(), "zh", name), "utf8").replace(/^\uFEFF/, "");
    const pcode = name.replace(/\.json$/, "");
    for (let i = 0; i < copies; i++) {
      const copy = `Z${pcode.slice(1, 4)}${String(i).padStart(4, "0")}`;
      writeFileSync(join(target, "zh", `${copy}.json`), raw.replaceAll(`pcode=${pcode}`, `pcode=${copy}`));
    }
  }
}

describe("the index is built beside the server, never in its way", () => {
  const work = tempDir("background-");
  afterAll(() => work.cleanup());

  it("SIGTERM stops a long build cleanly: no index, no staging folder left", async () => {
    const corpus = join(work.path, "corpus");
    writeLargerCorpus(corpus, 40);
    const dataDir = join(work.path, "data");
    const logger = recordingLogger();
    const build = startBackgroundBuild(logger, { PATH: process.env.PATH ?? "", REGULATIONS_DIR: corpus, DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    await new Promise<void>((started) => {
      const poll = setInterval(() => {
        if (logger.entries.some((e) => e.message.startsWith("index build: Building the index"))) {
          clearInterval(poll);
          started();
        }
      }, 20);
    });
    expect(await build.stop()).toBe("cancelled");
    expect(existsSync(join(dataDir, "index", "manifest.json"))).toBe(false);
    expect(existsSync(dataDir) ? readdirSync(dataDir).filter((n) => n.includes("staging")) : []).toEqual([]);
  }, 60_000);

  it("npm start listens and acknowledges while its first index is built, then swaps it in", async () => {
    const dataDir = join(work.path, "server");
    const fake = await startFakeSlackApi();
    const slack = { SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl };
    const server = await startServer(dataDir, slack, 90_000, false);
    try {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { building?: boolean };
      expect(health.building).toBe(true);
      // A Slack mention during the build is acknowledged at once and told to come back.
      const started = performance.now();
      const ack = await sendSigned(
        `${server.url}/slack/events`,
        messageEvent({ text: "<@UBOT0001> 個資法第27條", channel: "CBUILD001", ts: "1710000000.000200" }),
      );
      expect(ack.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(3000);
      await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1, 20_000);
      expect(JSON.stringify(fake.callsOf("chat.postMessage")[0]?.args)).toContain("法規索引建立中");
      await new Promise<void>((swapped, fail) => {
        const timer = setTimeout(() => fail(new Error("the new index was never swapped in")), 80_000);
        const poll = setInterval(() => {
          if (server.logs.some((l) => l.msg === "new index in use")) {
            clearInterval(poll);
            clearTimeout(timer);
            swapped();
          }
        }, 50);
      });
      const after = (await (await fetch(`${server.url}/healthz`)).json()) as { building?: boolean; articles?: number };
      expect(after).toMatchObject({ building: false });
      expect(after.articles).toBeGreaterThan(500);
    } finally {
      await server.stop();
      await fake.close();
    }
  }, 120_000);
});
