import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citationBlocks } from "../../adapters/channels/slack/blocks/citation-blocks.js";
import { answerCard } from "../../adapters/channels/teams/cards/answer-card.js";
import { loadConfig } from "../../adapters/config.js";
import { createLogger } from "../../adapters/logger.js";
import { createRuntime } from "../../adapters/runtime.js";
import { syncWithImpact } from "../../adapters/sync/sync-command.js";
import { createSyncSchedule } from "../../adapters/sync/sync-schedule.js";
import type { Citation } from "../../bot/index.js";
import { OPEN_DATA_COLLECTIONS } from "../../ingest/index.js";
import { runCli } from "../support/cli.js";
import { ARCHIVES, bulkCollections, extractSubset, startOpenDataServer, zipCollection } from "../support/open-data.js";
import { recordingLogger } from "../support/recording-logger.js";

/** `sync` against a local stand-in of the open-data service serving the bulk ZIPs this test builds. */
const FILES = ["zh/I0050021.json", "en/I0050021.json", "zh/I0050022.json", "en/I0050022.json", "zh/J0170001.json"];
let tmp: string;
let dataDir: string;
let routes: Map<string, Buffer | number>;
let server: Server;
let baseUrl: string;
let requests: string[];

async function serve(dir: string, updateDate: string, edit?: (collections: ReturnType<typeof bulkCollections>) => void): Promise<void> {
  const collections = bulkCollections(dir, updateDate);
  edit?.(collections);
  for (const c of OPEN_DATA_COLLECTIONS) routes.set(c.path, await zipCollection(c.name, collections[c.name]));
}

const env = () => ({ DATA_DIR: dataDir, MOJ_OPEN_DATA_URL: baseUrl });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "sync-open-data-"));
  dataDir = join(tmp, "data");
  for (const [version, archive] of Object.entries(ARCHIVES)) {
    mkdirSync(join(tmp, version));
    extractSubset(archive, join(tmp, version), FILES);
  }
  routes = new Map();
  ({ server, url: baseUrl, requests } = await startOpenDataServer(routes));
});

afterAll(() => {
  server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("npm run cli -- sync from the open-data service", () => {
  it("downloads the four collections, verifies them and takes the UpdateDate as the version", async () => {
    await serve(join(tmp, "2023-04-28"), "2023-04-28");
    const result = await runCli(["sync", "--json"], dataDir, "", env());
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}");
    expect(json).toMatchObject({ status: "synced", version: "2023-04-28", counts: { zh: 3, en: 2 } });
    expect(requests).toEqual(expect.arrayContaining(OPEN_DATA_COLLECTIONS.map((c) => c.path)));
  });

  it("rejects a truncated ZIP, a failed download and an implausibly small collection, keeping the current corpus", async () => {
    const current = () => readlinkSync(join(dataDir, "corpus", "current"));
    const before = current();
    await serve(join(tmp, "2024-10-11"), "2024-10-11");
    const full = routes.get("api/Ch/Law/JSON") as Buffer;
    routes.set("api/Ch/Law/JSON", full.subarray(0, Math.floor(full.length / 2)));
    const truncated = await runCli(["sync"], dataDir, "", env());
    expect(truncated.code).not.toBe(0);
    expect(truncated.stderr).toMatch(/not a complete ZIP archive/);
    expect(current()).toBe(before);

    routes.set("api/Ch/Law/JSON", full);
    routes.set("api/En/Law/JSON", 500);
    const failed = await runCli(["sync"], dataDir, "", env());
    expect(failed.stderr).toMatch(/HTTP 500/);
    expect(current()).toBe(before);

    await serve(join(tmp, "2024-10-11"), "2024-10-11", (c) => {
      c.ChLaw.Laws = (c.ChLaw.Laws as unknown[]).slice(0, 1);
    });
    const few = await runCli(["sync"], dataDir, "", env());
    expect(few.stderr).toMatch(/implausibly few/);
    expect(current()).toBe(before);
    const listed = await runCli(["changes", "--json"], dataDir, "", env());
    expect(JSON.parse(listed.stdout).current).toBe("2023-04-28");
  });

  it("quotes the text in force and shows the promulgated one when the file says an amendment is not yet in force", async () => {
    // The 2024 file with its 生效內容 pointing at Art. 48 (metadata edited for the test; the texts are the official ones).
    await serve(join(tmp, "2024-10-11"), "2024-10-11", (c) => {
      for (const law of c.ChLaw.Laws as Array<Record<string, unknown>>) {
        if (String(law.LawURL).endsWith("I0050021")) {
          law.LawEffectiveDate = "99991231";
          law.LawEffectiveNote = "一百十二年五月三十一日修正之第 48 條條文，施行日期，由行政院定之。";
        }
      }
    });
    const config = loadConfig(env());
    const { report } = await syncWithImpact(config, createLogger("silent"), { lang: "zh" });
    expect(report.version).toBe("2024-10-11");
    const runtime = await createRuntime(loadConfig(env()), { logger: createLogger("silent") });
    const answer = await runtime.assistant.ask("個資法第48條");
    const citation = answer.citations.find((c) => c.articleId === "I0050021:48");
    const article48 = (dir: string) => {
      const file = JSON.parse(readFileSync(join(tmp, dir, "zh/I0050021.json"), "utf8").replace(/^\uFEFF/, "")) as {
        法規內容: Array<{ 條號?: string; 條文內容?: string }>;
      };
      return (file.法規內容.find((e) => e.條號?.replace(/\s+/g, "") === "第48條")?.條文內容 ?? "").split(/\r?\n/)[0]?.trim() ?? "";
    };
    expect(citation?.status).toBe("in_force");
    expect(citation?.version).toBe("2023-04-28");
    expect(citation?.quote).toContain(article48("2023-04-28"));
    expect(citation?.promulgated?.quote).toContain(article48("2024-10-11"));
    expect(citation?.promulgated?.note).toContain("第 48 條");
    expect(answer.warnings.join("\n")).toContain("公布、尚未施行");
    expect(answer.text).toContain("【已公布、尚未施行】");
    // Slack and Teams show the amendment under the text in force too.
    const slack = JSON.stringify(citationBlocks(citation as Citation, 1, "zh", 0));
    const teams = JSON.stringify(answerCard(answer, "q-1"));
    for (const shown of [slack, teams]) {
      expect(shown).toContain("【已公布、尚未施行】");
      expect(shown).toContain(article48("2024-10-11").slice(0, 20));
      expect(shown).toContain(article48("2023-04-28").slice(0, 20));
    }
    runtime.history?.close();
  });

  it("npm start's scheduled sync runs in a child process, logs what changed and hands over the new version", async () => {
    const logger = recordingLogger();
    const synced: string[] = [];
    const schedule = createSyncSchedule({
      intervalHours: 24,
      logger,
      env: { ...process.env, ...env(), LOG_LEVEL: "silent" },
      onSynced: async ({ version }) => {
        synced.push(version);
      },
    });
    await schedule.runOnce();
    expect(synced).toEqual(["2024-10-11"]);
    expect(logger.entries.find((e) => e.message.startsWith("scheduled sync: version 2024-10-11"))?.fields).toMatchObject({ version: "2024-10-11", changed: 0 });
    routes.set("api/Ch/Law/JSON", 503);
    await schedule.runOnce();
    schedule.stop();
    expect(logger.entries.at(-1)?.message).toBe("scheduled sync failed; the current corpus stays in use");
    expect(synced).toEqual(["2024-10-11"]);
  });
});
