import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore, type PostgresStore } from "../../adapters/store/postgres-store.js";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/corpus.js";
import { createTestDatabase, type TestDatabase } from "../support/postgres.js";
import { replicaEnv, startReplicas } from "../support/replicas.js";
import type { RunningServer } from "../support/server.js";
import { type FakeSlackApi, type SlackCall, startFakeSlackApi } from "../support/slack/fake-slack-api.js";
import { button, textOf } from "../support/slack/slack-blocks.js";
import { blockActions, freshId, interaction, messageEvent, sendSigned } from "../support/slack/slack-requests.js";
import { actionsOf, cardOf, textMessage } from "../support/teams/activities.js";
import { type FakeConnector, startFakeConnector } from "../support/teams/fake-connector.js";

const FORM = { contentType: "application/x-www-form-urlencoded" } as const;
const DM = "DALICE01";

describe("two `npm start` replicas on one PostgreSQL answer log", () => {
  const data = tempDir("replicas-");
  let db: TestDatabase;
  let fake: FakeSlackApi;
  let a: RunningServer;
  let b: RunningServer;
  let store: PostgresStore;
  let killed = false;
  let connector: FakeConnector;

  beforeAll(async () => {
    db = await createTestDatabase("ca_replicas");
    fake = await startFakeSlackApi();
    connector = await startFakeConnector();
    // Teams in emulator mode (loopback only) beside Slack, to show report links work across replicas.
    [a, b] = (await startReplicas(2, data.path, { ...replicaEnv(db.url, fake), TEAMS_EMULATOR: "true" })) as [RunningServer, RunningServer];
    store = await openPostgresStore(db.url);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([killed ? undefined : a?.stop(), b?.stop()]);
    await store?.close();
    await fake?.close();
    await connector?.close();
    await db?.drop();
    data.cleanup();
  });

  const events = (server: RunningServer) => `${server.url}/slack/events`;
  const posts = () => fake.callsOf("chat.postMessage");
  const inThread = (ts: string) => posts().filter((c) => c.args.thread_ts === ts);
  const dmPosts = () => posts().filter((c) => c.args.channel === DM);
  const items = () => dmPosts().filter((c) => /^第 \d\/3 題/.test(textOf((c.args.blocks as unknown[] | undefined)?.[0] ?? {})));

  it("both replicas say the answer log is PostgreSQL", () => {
    for (const server of [a, b]) expect(server.logs.some((l) => String(l.msg).startsWith("answer log: postgresql"))).toBe(true);
  });

  it("answers a Slack retry delivered to the other replica once", async () => {
    const ts = `${Math.floor(Date.now() / 1000)}.000101`;
    const body = messageEvent({ text: "<@UBOT0001> 個資法第27條", channel: "CGENERAL01", ts });
    expect((await sendSigned(events(a), body)).status).toBe(200);
    await fake.waitFor(() => inThread(ts).length === 1, 30_000);
    // Slack's retry of the same event (same event_id and client_msg_id) reaches the other replica.
    const retry = await sendSigned(events(b), body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    expect(retry.status).toBe(200);
    await waitForLog(b, "retry of a recorded turn: nothing sent");
    await fake.settle(300);
    expect(inThread(ts)).toHaveLength(1);
  });

  it("answers once when both replicas get the same event at the same moment", async () => {
    const ts = `${Math.floor(Date.now() / 1000)}.000202`;
    const body = messageEvent({ text: "<@UBOT0001> 委外物流要怎麼監督？", channel: "CGENERAL01", ts });
    const redeliveries = () => [...a.logs, ...b.logs].filter((l) => l.msg === "retry of a recorded turn: nothing sent").length;
    const before = redeliveries();
    const statuses = await Promise.all([sendSigned(events(a), body), sendSigned(events(b), body)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    await fake.waitFor(() => inThread(ts).length >= 1, 30_000);
    await fake.settle(1_000);
    expect(inThread(ts)).toHaveLength(1);
    const [question] = await db.query("SELECT COUNT(*)::int AS n FROM questions WHERE conversation_id LIKE $1", [`%${ts}%`]);
    expect(question?.n).toBe(1);
    // One replica answered; the other found the delivery recorded (before or at its own commit) and posted nothing.
    expect(redeliveries()).toBe(before + 1);
  });

  it("continues an assessment started through one replica through the other", async () => {
    const dm = (text: string) => messageEvent({ type: "message", text, channel: DM, channelType: "im" });
    expect((await sendSigned(events(a), dm("開始自評 outsourcing-seed"))).status).toBe(200);
    await fake.waitFor(() => items().length === 1, 30_000);
    const first = items()[0] as SlackCall;

    expect((await sendSigned(events(b), dm("是，每年稽核物流商"))).status).toBe(200);
    await fake.waitFor(() => items().length === 2, 30_000);
    expect(textOf((items()[1] as SlackCall).args.blocks)).toContain("第 2/3 題");

    expect((await sendSigned(events(a), dm("否"))).status).toBe(200);
    await fake.waitFor(() => items().length === 3, 30_000);
    expect(textOf((items()[2] as SlackCall).args.blocks)).toContain("第 3/3 題");

    // Replica A posted item 1 and never saw it answered (B did): its buttons are stale there.
    // A click on it still names its assessment and item, so it is recorded for that item and
    // nothing else: the in-memory "item on screen" of each replica is only a display cache.
    const click = blockActions({
      channel: DM,
      message: { ts: String(first.result?.ts), blocks: first.args.blocks as unknown[] },
      actionId: button(first.args.blocks, "不適用").actionId,
      value: button(first.args.blocks, "不適用").value,
      triggerId: freshId("tr."),
    });
    expect((await sendSigned(events(b), interaction(click), FORM)).status).toBe(200);
    const assessment = (await store.assessmentsFor("UALICE01")).find((x) => x.checklistId === "outsourcing-seed");
    expect(assessment?.id).toMatch(/^[0-9A-Z]{6}$/);
    const results = async () => (await store.responses(assessment?.id ?? "")).map((r) => r.result).sort();
    await until(async () => (await results()).includes("na"));
    await fake.settle(500);
    expect(await results()).toEqual(["na", "no"]);
    const history = (await store.events(assessment?.id ?? "")).map((e) => e.type);
    expect(history).toEqual(["created", "answered", "answered", "answered"]);
  });

  it("serves a Teams report link made by one replica from the other", async () => {
    const who = { userId: "29:carol", userName: "Carol", conversationId: "a:personal-carol" };
    const post = (server: RunningServer, text: string) =>
      fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(textMessage(connector.serviceUrl, text, who)),
      });
    expect((await post(a, "開始自評 outsourcing-seed")).status).toBe(200);
    expect((await post(b, "是")).status).toBe(200);
    const mark = connector.calls.length;
    expect((await post(a, "報告")).status).toBe(200);
    const link = connector
      .sent(mark)
      .flatMap((c) => actionsOf(cardOf(c.body)))
      .find((x) => x.type === "Action.OpenUrl");
    expect(String(link?.url)).toMatch(new RegExp(`^${a.url}/api/teams/reports/[A-Za-z0-9_-]{43}$`));
    // The load balancer sends the download to the other replica.
    const download = await fetch(String(link?.url).replace(a.url, b.url));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await db.query("SELECT token_hash FROM report_links"))[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps one linear hash chain while both replicas write at once", async () => {
    const before = await store.chainHead();
    const burst = Array.from({ length: 30 }, (_, i) => {
      const ts = `${Math.floor(Date.now() / 1000)}.${String(300 + i).padStart(6, "0")}`;
      return { ts, body: messageEvent({ text: "<@UBOT0001> 個資外洩要在幾小時內通報？", channel: "CBURST01", ts, user: `UBURST${i}` }) };
    });
    const statuses = await Promise.all(burst.map((m, i) => sendSigned(events(i % 2 === 0 ? a : b), m.body).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    await fake.waitFor(() => burst.every((m) => inThread(m.ts).length === 1), 120_000);
    const result = await store.verifyChain();
    expect(result.ok).toBe(true);
    expect(result.head.seq).toBe(before.seq + 30);
    const cli = await runCli(["verify-log"], data.path, "", { DATABASE_URL: db.url });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`chain head #${result.head.seq} sha256 ${result.head.hash}`);
  });

  it("loses no acknowledged answer when one replica is killed (SIGKILL) in the middle of a burst", async () => {
    const total = 40;
    const queue: Sent[] = Array.from({ length: total }, (_, i) => {
      const ts = `${Math.floor(Date.now() / 1000)}.${String(500 + i).padStart(6, "0")}`;
      return { ts, to: "a", acked: false, body: messageEvent({ text: "<@UBOT0001> 施行細則第12條第2項", channel: "CFAULT01", ts, user: `UFAULT${i}` }) };
    });
    const answered = (m: Sent) => inThread(m.ts).length;
    const exited = new Promise((done) => a.child.once("exit", done));
    let next = 0;
    // Two connections to replica A, one event each per 100 ms; once A has answered five, it is
    // killed. Whatever A did not acknowledge goes to B, as Slack retries an event it got no 200 for.
    const worker = async () => {
      while (next < queue.length) {
        const m = queue[next++] as Sent;
        await new Promise((r) => setTimeout(r, 100));
        if (!killed && queue.filter((q) => answered(q) > 0).length >= 5) {
          killed = true;
          a.child.kill("SIGKILL");
        }
        if (!killed) {
          try {
            m.acked = (await sendSigned(events(a), m.body)).status === 200;
            continue;
          } catch {
            // connection refused or reset: not acknowledged
          }
        }
        m.to = "b";
        const res = await sendSigned(events(b), m.body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_error" } });
        m.acked = res.status === 200;
      }
    };
    await Promise.all(Array.from({ length: 2 }, worker));
    if (!killed) {
      killed = true;
      a.child.kill("SIGKILL");
    }
    await exited;
    expect(killed).toBe(true);
    const toB = queue.filter((m) => m.to === "b");
    expect(toB.length).toBeGreaterThan(0);
    await fake.waitFor(() => toB.every((m) => answered(m) === 1), 120_000);
    await fake.settle(1_000);

    const recorded = new Set(
      (await db.query("SELECT conversation_id FROM questions WHERE conversation_id LIKE '%CFAULT01%'")).map((r) => String(r.conversation_id)),
    );
    const inLog = (m: Sent) => [...recorded].some((c) => c.includes(m.ts));
    // Every answer a user saw is in the answer log, and none was posted twice.
    for (const m of queue) expect(answered(m)).toBeLessThanOrEqual(1);
    for (const m of queue.filter((q) => answered(q) === 1)) expect(inLog(m)).toBe(true);
    // Every event B acknowledged was answered.
    for (const m of toB) expect(m.acked && answered(m) === 1).toBe(true);
    // Events A acknowledged but died before answering left nothing half-written: not recorded, not answered.
    const dropped = queue.filter((m) => m.to === "a" && m.acked && answered(m) === 0);
    for (const m of dropped) expect(inLog(m)).toBe(false);
    expect((await store.verifyChain()).ok).toBe(true);
    process.stderr.write(
      `fault burst: ${total} events, ${queue.filter((m) => m.to === "a" && m.acked).length} acknowledged by A before SIGKILL, ${toB.length} retried to B, ${queue.filter((m) => answered(m) === 1).length} answered, ${dropped.length} acknowledged by A but unanswered\n`,
    );
  });
});

/** One question of the fault burst and what happened to it. */
interface Sent {
  ts: string;
  body: string;
  to: "a" | "b";
  acked: boolean;
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

function waitForLog(server: RunningServer, msg: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const check = () => {
      if (server.logs.some((l) => l.msg === msg)) return done();
      if (Date.now() - started > timeoutMs) return fail(new Error(`no log "${msg}"`));
      setTimeout(check, 50);
    };
    check();
  });
}
