import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createSlackChannel } from "../adapters/channels/slack/index.js";
import { type Config, loadConfig, loadDotEnv } from "../adapters/config.js";
import { createHttpApp } from "../adapters/http/create-http-app.js";
import { createLogger } from "../adapters/logger.js";
import { createServices } from "../adapters/runtime.js";
import { startFakeSlackApi } from "../tests/support/slack/fake-slack-api.js";

/**
 * `npm run bench:slack`: the HTTP server with the Slack channel and a fake Web API on
 * loopback, driven from a second process by autocannon at 50 connections. Prints the
 * acknowledgement latency (what Slack's 3-second limit applies to) and answers per second,
 * beside baselines that run no Slack code (GET /healthz) or stop at the signature (401).
 * Numbers only: nothing here passes or fails.
 */
const CONNECTIONS = 50;
const SECRET = "bench-signing-secret";
const LOAD = resolve(import.meta.dirname, "bench-slack-load.ts");

type Kind = "healthz" | "unsigned" | "challenge" | "mention";
interface LoadResult {
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  sent: number;
  durationS: number;
  errors: number;
  statuses: Record<string, number>;
}

function runLoad(url: string, kind: Kind, size: { duration?: number; amount?: number }): Promise<LoadResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", LOAD, JSON.stringify({ url, secret: SECRET, kind, connections: CONNECTIONS, ...size })], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? done(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as LoadResult) : fail(new Error(`load process exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  loadDotEnv();
  const base = loadConfig();
  const data = mkdtempSync(join(tmpdir(), "bench-slack-"));
  const fake = await startFakeSlackApi();
  const config: Config = {
    ...base,
    env: {
      ...base.env,
      LOG_LEVEL: "silent",
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: fake.apiUrl,
    },
    dataDir: data,
    indexDir: join(data, "index"),
    answerLogPath: join(data, "answers.db"),
  };
  const logger = createLogger("silent");
  process.stderr.write("building the index over the corpus in a temporary folder…\n");
  const services = await createServices(config, { logger });
  const slack = createSlackChannel({ config, engine: services.engine, logger, knowledge: services.index.kb });
  if (!slack) throw new Error("the Slack channel did not start");
  const app = createHttpApp({ logger, channels: [slack], health: () => ({}) });
  const server: Server = await new Promise((ready) => {
    const s = app.listen(0, "127.0.0.1", () => ready(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const rows: string[][] = [];
  const scenarios: Array<{ label: string; kind: Kind; size: { duration?: number; amount?: number } }> = [
    { label: "GET /healthz (baseline: no Slack code)", kind: "healthz", size: { duration: 5 } },
    { label: "POST unsigned → 401 (baseline: rejected)", kind: "unsigned", size: { duration: 5 } },
    { label: "POST signed url_verification (Bolt, no engine)", kind: "challenge", size: { duration: 5 } },
    { label: "POST signed app_mention → cited answer", kind: "mention", size: { amount: 2000 } },
  ];
  for (const scenario of scenarios) {
    fake.reset();
    const started = performance.now();
    const load = await runLoad(url, scenario.kind, scenario.size);
    let answers = "—";
    let drainS = "—";
    if (scenario.kind === "mention") {
      const acked = load.statuses["200"] ?? 0;
      // Every acknowledged mention is answered in its thread; wait until the last one is posted.
      await fake.waitFor(() => fake.callsOf("chat.postMessage").length >= acked, 600_000);
      const posts = fake.callsOf("chat.postMessage");
      const last = posts.at(-1)?.at ?? Date.now();
      const first = Date.now() - (performance.now() - started);
      answers = (posts.length / ((last - first) / 1000)).toFixed(1);
      drainS = ((last - first) / 1000).toFixed(1);
    }
    rows.push([
      scenario.label,
      String(load.sent),
      Object.entries(load.statuses)
        .map(([code, count]) => `${code}×${count}`)
        .join(" "),
      `${load.p50} ms`,
      `${load.p99} ms`,
      `${load.max} ms`,
      load.perSecond.toFixed(0),
      answers,
      drainS,
    ]);
  }

  const header = ["scenario", "requests", "statuses", "ack p50", "ack p99", "ack max", "acks/s", "answers/s", "all answered after s"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write(`\nSlack endpoint, ${CONNECTIONS} concurrent connections from a second process on loopback, fake Web API in-process\n`);
  process.stdout.write(`${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}\n${rows.map(line).join("\n")}\n`);
  process.stdout.write("answers/s: cited answers posted (chat.postMessage) per second from the first request until the last answer.\n");

  await new Promise((done) => server.close(done));
  await slack.stop?.();
  await services.store.close();
  await fake.close();
  rmSync(data, { recursive: true, force: true });
}

await main();
