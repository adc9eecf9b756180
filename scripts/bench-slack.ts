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
import { type FakeSlackApi, startFakeSlackApi } from "../tests/support/slack/fake-slack-api.js";
import { startPostgresReplicas } from "./bench-slack-replicas.js";

/**
 * `npm run bench:slack`: the HTTP server with the Slack channel and a fake Web API on
 * loopback, driven from separate processes by autocannon. Prints the acknowledgement
 * latency (what Slack's 3-second limit applies to) and answers per second, beside
 * baselines that run no Slack code (GET /healthz) or stop at the signature (401); then the
 * cited-answer load at 50 and 200 connections against one process on SQLite and against
 * two `npm start` replicas sharing one PostgreSQL answer log (the connections split
 * evenly, one load process per replica). Numbers only: nothing here passes or fails.
 */
const SECRET = "bench-signing-secret";
const LOAD = resolve(import.meta.dirname, "bench-slack-load.ts");
const MENTIONS = 1000;

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

function runLoad(url: string, kind: Kind, connections: number, size: { duration?: number; amount?: number }, salt: string): Promise<LoadResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", LOAD, JSON.stringify({ url, secret: SECRET, kind, connections, salt, ...size })], {
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

interface Scenario {
  label: string;
  kind: Kind;
  connections: number;
  size: { duration?: number; amount?: number };
  /** One URL per process serving Slack; the connections and requests split evenly between them. */
  urls: string[];
}

/** Runs one scenario; for mentions waits until every acknowledged mention is answered. */
async function measure(fake: FakeSlackApi, scenario: Scenario, n: number): Promise<string[]> {
  fake.reset();
  const started = Date.now();
  const share = scenario.urls.length;
  const loads = await Promise.all(
    scenario.urls.map((url, i) =>
      runLoad(
        url,
        scenario.kind,
        Math.ceil(scenario.connections / share),
        scenario.size.amount ? { amount: Math.ceil(scenario.size.amount / share) } : scenario.size,
        `${n}-${i}`,
      ),
    ),
  );
  const statuses: Record<string, number> = {};
  for (const load of loads) for (const [code, count] of Object.entries(load.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
  let answers = "—";
  let drainS = "—";
  if (scenario.kind === "mention") {
    const acked = statuses["200"] ?? 0;
    await fake.waitFor(() => fake.callsOf("chat.postMessage").length >= acked, 600_000);
    const posts = fake.callsOf("chat.postMessage");
    const last = posts.at(-1)?.at ?? Date.now();
    answers = (posts.length / ((last - started) / 1000)).toFixed(1);
    drainS = ((last - started) / 1000).toFixed(1);
  }
  // Percentiles of separate load processes cannot be merged: the worse replica is shown.
  const worst = (pick: (l: LoadResult) => number) => Math.max(...loads.map(pick));
  return [
    scenario.label,
    String(scenario.connections),
    String(loads.reduce((s, l) => s + l.sent, 0)),
    Object.entries(statuses)
      .map(([code, count]) => `${code}×${count}`)
      .join(" "),
    `${worst((l) => l.p50)} ms`,
    `${worst((l) => l.p99)} ms`,
    `${worst((l) => l.max)} ms`,
    loads.reduce((s, l) => s + l.perSecond, 0).toFixed(0),
    answers,
    drainS,
  ];
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
      DATABASE_URL: undefined,
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
  const single: Scenario[] = [
    { label: "GET /healthz (baseline: no Slack code)", kind: "healthz", connections: 50, size: { duration: 5 }, urls: [url] },
    { label: "POST unsigned → 401 (baseline: rejected)", kind: "unsigned", connections: 50, size: { duration: 5 }, urls: [url] },
    { label: "POST signed url_verification (Bolt, no engine)", kind: "challenge", connections: 50, size: { duration: 5 }, urls: [url] },
    { label: "app_mention → cited answer · 1 process, SQLite", kind: "mention", connections: 50, size: { amount: MENTIONS }, urls: [url] },
    { label: "app_mention → cited answer · 1 process, SQLite", kind: "mention", connections: 200, size: { amount: MENTIONS }, urls: [url] },
  ];
  let n = 0;
  for (const scenario of single) rows.push(await measure(fake, scenario, n++));
  await new Promise((done) => server.close(done));
  await slack.stop?.();
  await services.store.close();

  process.stderr.write("starting two npm start replicas on one PostgreSQL database…\n");
  const replicas = await startPostgresReplicas(data, { SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
  try {
    for (const connections of [50, 200]) {
      const label = "app_mention → cited answer · 2 replicas, PostgreSQL";
      rows.push(await measure(fake, { label, kind: "mention", connections, size: { amount: MENTIONS }, urls: replicas.urls }, n++));
    }
  } finally {
    await replicas.stop();
  }

  const header = ["scenario", "conns", "requests", "statuses", "ack p50", "ack p99", "ack max", "acks/s", "answers/s", "all answered after s"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write("\nSlack endpoint, load from separate processes on loopback, fake Web API in the bench process\n");
  process.stdout.write(`${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}\n${rows.map(line).join("\n")}\n`);
  process.stdout.write(
    "answers/s: cited answers posted (chat.postMessage) per second from the first request until the last answer.\n" +
      "2 replicas: the connections and requests split evenly, one load process per replica; ack percentiles are those of the slower replica.\n",
  );

  await fake.close();
  rmSync(data, { recursive: true, force: true });
}

await main();
