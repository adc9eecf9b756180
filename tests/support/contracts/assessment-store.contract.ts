import { afterEach, describe, expect, it } from "vitest";
import type { ReportLinkStore } from "../../../adapters/store/report-link-store.js";
import type { AssessmentStore, Reply, TurnWrite } from "../../../bot/index.js";

/** One database for a test: stores opened on it, and direct SQL as an intruder with file or superuser access. */
export interface StoreHarness {
  /** Opens a store (its own connection) on this database; call twice for two processes. */
  open(): Promise<AssessmentStore>;
  /** SQL with the append-only triggers in place. */
  raw(sql: string): Promise<void>;
  /** SQL with the append-only triggers bypassed: what someone editing the database directly can do. */
  tamper(sql: string): Promise<void>;
  dispose(): Promise<void>;
}

const reply = (text: string): Reply => ({ lang: "zh", parts: [{ kind: "notice", text, tone: "info" }] });
let clock = Date.parse("2026-03-01T00:00:00Z");
const at = () => {
  clock += 1000;
  return new Date(clock).toISOString();
};

/** A turn that writes one of everything: assessment, response with notes, two events, a question, feedback. */
export function sampleTurn(n: number, assessmentId = `A${n}`, messageId = `msg-${n}`): TurnWrite {
  const now = at();
  return {
    channel: "slack",
    messageId,
    reply: reply(`reply ${n}`),
    assessments: [
      {
        id: assessmentId,
        checklistId: "security-plan",
        checklistVersion: "2026-01",
        label: `label ${n}`,
        ownerId: "U1",
        ownerName: "Alice",
        channel: "slack",
        status: "active",
        createdAt: now,
        updatedAt: now,
      },
    ],
    responses: [
      {
        assessmentId,
        itemId: "1.1",
        result: "yes",
        note: "公告於內網",
        notes: [{ text: "另附簽核單", userId: "U2", userName: "Bob", at: now }],
        userId: "U1",
        channel: "slack",
        answeredAt: now,
        checklistVersion: "2026-01",
        clauseIds: ["K0010162:3", "I0050022:12:2"],
      },
    ],
    sessions: [{ channel: "slack", userId: "U1", conversationId: `C${n}`, assessmentId, itemId: "1.2", trail: ["1.1"], lang: "zh", updatedAt: now }],
    events: [
      { assessmentId, type: "created", userId: "U1", channel: "slack", messageId, at: now },
      { assessmentId, type: "answered", itemId: "1.1", result: "yes", note: "公告於內網", userId: "U1", channel: "slack", messageId, at: now },
    ],
    questions: [
      {
        id: `Q${n}`,
        channel: "slack",
        userId: "U1",
        conversationId: `C${n}`,
        messageId,
        question: "委外要怎麼監督？",
        lang: "zh",
        abstained: n % 2 === 0,
        citationIds: ["I0050021:8", "I0050022:8:2"],
        askedAt: now,
      },
    ],
    feedback: [{ questionId: `Q${n}`, userId: "U1", channel: "slack", value: "up", at: now }],
  };
}

/**
 * The AssessmentStore contract: every implementation (SQLite, PostgreSQL) passes the same
 * tests — records read back as written, one transaction per turn, idempotent deliveries,
 * append-only history, and a hash chain that detects edits, deletions and reordering.
 */
export function assessmentStoreContract(name: string, fresh: () => Promise<StoreHarness>): void {
  describe(`${name} answer log (store contract)`, () => {
    let h: StoreHarness;
    const opened: AssessmentStore[] = [];
    const open = async () => {
      const store = await h.open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await h.dispose();
    });
    const setup = async () => {
      h = await fresh();
      return open();
    };

    it("reads back every record of a committed turn", async () => {
      const store = await setup();
      const write = sampleTurn(1);
      expect(await store.commit(write)).toEqual({ duplicate: false, reply: write.reply, delivered: false, recordedAt: expect.any(String) });
      expect(await store.processed("slack", "msg-1")).toEqual({ reply: write.reply, delivered: false, recordedAt: expect.any(String) });
      expect(await store.assessment("A1")).toEqual(write.assessments?.[0]);
      expect(await store.assessmentsFor("U1")).toEqual(write.assessments);
      expect(await store.responses("A1")).toEqual(write.responses);
      expect(await store.events("A1")).toEqual(write.events);
      expect(await store.session("slack", "U1", "C1")).toEqual(write.sessions?.[0]);
      expect(await store.question("Q1")).toEqual(write.questions?.[0]);
      expect(await store.feedback("Q1")).toEqual(write.feedback);
      expect(await store.processed("slack", "other")).toBeUndefined();
    });

    it("records a delivery once, even when two connections commit it at the same time", async () => {
      const store = await setup();
      const other = await open();
      const first = sampleTurn(2, "A2", "dup");
      const second = { ...sampleTurn(3, "A3", "dup"), reply: reply("second") };
      const results = await Promise.all([store.commit(first), other.commit(second), store.commit(second), other.commit(first)]);
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      const winner = results.find((r) => !r.duplicate)?.reply;
      for (const r of results) expect(r.reply).toEqual(winner);
      const written = [await store.assessment("A2"), await store.assessment("A3")].filter(Boolean);
      expect(written).toHaveLength(1);
      expect((await store.events(written[0]?.id ?? "")).length).toBe(2);
      expect((await store.verifyChain()).ok).toBe(true);
    });

    it("marks a recorded reply delivered once, for every connection and a later duplicate commit", async () => {
      const store = await setup();
      const other = await open();
      const write = sampleTurn(30, "A30", "mark");
      await store.commit(write);
      await other.markDelivered("slack", "mark");
      await store.markDelivered("slack", "mark");
      await store.markDelivered("slack", "never-recorded");
      expect(await store.processed("slack", "mark")).toEqual({ reply: write.reply, delivered: true, recordedAt: expect.any(String) });
      expect(await other.commit({ ...sampleTurn(31, "A31", "mark") })).toEqual({
        duplicate: true,
        reply: write.reply,
        delivered: true,
        recordedAt: expect.any(String),
      });
      expect(await store.processed("slack", "never-recorded")).toBeUndefined();
    });

    it("writes nothing of a turn that fails half-way", async () => {
      const store = await setup();
      await store.commit(sampleTurn(4));
      const head = await store.chainHead();
      const broken = sampleTurn(5);
      // A feedback row whose question does not exist violates a foreign key after everything else was written.
      broken.feedback = [{ questionId: "missing", userId: "U1", channel: "slack", value: "down", at: at() }];
      await expect(store.commit(broken)).rejects.toThrow();
      expect(await store.processed("slack", "msg-5")).toBeUndefined();
      expect(await store.assessment("A5")).toBeUndefined();
      expect(await store.events("A5")).toEqual([]);
      expect(await store.chainHead()).toEqual(head);
      expect(await store.commit({ ...sampleTurn(6), messageId: "msg-5" })).toMatchObject({ duplicate: false });
      expect((await store.verifyChain()).ok).toBe(true);
    });

    it("commits a session only over the version the turn read (compare-and-set)", async () => {
      const store = await setup();
      const other = await open();
      const first = sampleTurn(50);
      const session = first.sessions?.[0];
      if (!session) throw new Error("sample has a session");
      expect(await store.commit({ ...first, sessionBase: null })).toMatchObject({ duplicate: false });
      // A turn that read no session (or an older one) loses: nothing of it is written.
      const stale = { ...sampleTurn(51), sessions: [{ ...session, itemId: "9.9", updatedAt: at() }] };
      await expect(store.commit({ ...stale, sessionBase: null })).rejects.toMatchObject({ code: "STORE_CONFLICT" });
      await expect(store.commit({ ...stale, sessionBase: "2000-01-01T00:00:00.000Z" })).rejects.toMatchObject({ code: "STORE_CONFLICT" });
      expect(await store.processed("slack", "msg-51")).toBeUndefined();
      expect(await store.assessment("A51")).toBeUndefined();
      // Two turns from the same version at once, on two connections: exactly one wins.
      const racers = [52, 53].map((n) => ({ ...sampleTurn(n), sessions: [{ ...session, itemId: `${n}`, updatedAt: at() }], sessionBase: session.updatedAt }));
      const outcomes = await Promise.allSettled([store.commit(racers[0] as TurnWrite), other.commit(racers[1] as TurnWrite)]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "STORE_CONFLICT" } });
      const winner = (await store.session("slack", "U1", "C50"))?.itemId;
      expect(["52", "53"]).toContain(winner);
      expect((await store.verifyChain()).ok).toBe(true);
    });

    it("keeps report links for every connection until they expire", async () => {
      const store = (await setup()) as AssessmentStore & Partial<ReportLinkStore>;
      const other = (await open()) as AssessmentStore & Partial<ReportLinkStore>;
      if (!store.saveReportLink || !other.reportLink) throw new Error(`${name} store keeps no report links`);
      const link = { tokenHash: "a".repeat(64), assessmentId: "A1", lang: "zh" as const, userId: "U1", teamId: "T1", expiresAt: Date.now() + 60_000 };
      await store.saveReportLink(link);
      expect(await other.reportLink(link.tokenHash, Date.now())).toEqual(link);
      expect(await other.reportLink(link.tokenHash, link.expiresAt)).toBeUndefined();
      expect(await other.reportLink("b".repeat(64), Date.now())).toBeUndefined();
    });

    it("keeps how an answer was made and the reason of a 👎, inside the chain", async () => {
      const store = await setup();
      const write = sampleTurn(40);
      const generation = {
        mode: "model" as const,
        provider: "openai",
        model: "gpt-4o-mini",
        shownClauseIds: ["I0050021:8", "I0050022:8:2"],
        kept: [{ text: "應監督受託者。", clauseIds: ["I0050022:8:2"] }],
        dropped: [{ text: "應於三日內完成。", clauses: [1], reason: "unsupported_fact" as const, facts: ["三日"] }],
        ms: 640,
      };
      const fallback = { ...generation, mode: "offline" as const, kept: [], fallbackReason: "timeout" as const, fallbackDetail: "no answer within 8000 ms" };
      const [question] = write.questions ?? [];
      if (!question) throw new Error("sample turn without a question");
      write.questions = [
        { ...question, generation },
        { ...question, id: "Q40b", generation: fallback },
      ];
      const citationIds = question.citationIds;
      write.feedback = [
        { questionId: "Q40", userId: "U1", channel: "slack", value: "down", citationIds, at: question.askedAt },
        { questionId: "Q40", userId: "U1", channel: "slack", value: "down", reason: "wrong_clause", citationIds, at: question.askedAt },
      ];
      await store.commit(write);
      expect(await store.question("Q40")).toEqual(write.questions[0]);
      expect(await store.question("Q40b")).toEqual(write.questions[1]);
      expect(await store.feedback("Q40")).toEqual(write.feedback);
      expect(await store.verifyChain()).toMatchObject({ ok: true });
      await expect(
        h.raw("INSERT INTO feedback (question_id, user_id, channel, value, reason, at) VALUES ('Q40', 'U1', 'slack', 'down', 'because', 'x')"),
      ).rejects.toThrow();
    });

    it("keeps events, questions and feedback append-only", async () => {
      const store = await setup();
      await store.commit(sampleTurn(7));
      await expect(h.raw("UPDATE events SET note = 'changed'")).rejects.toThrow(/append-only/);
      await expect(h.raw("DELETE FROM events")).rejects.toThrow(/append-only/);
      await expect(h.raw("UPDATE questions SET question = 'changed'")).rejects.toThrow(/append-only/);
      await expect(h.raw("DELETE FROM feedback")).rejects.toThrow(/append-only/);
    });

    it("chains every event, question and feedback, and verifies the chain", async () => {
      const store = await setup();
      expect(await store.verifyChain()).toMatchObject({ ok: true, records: 0, head: { seq: 0, hash: "0".repeat(64) } });
      for (let n = 10; n < 13; n++) await store.commit(sampleTurn(n));
      const head = await store.chainHead();
      expect(head.seq).toBe(12);
      expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.verifyChain()).toEqual({ ok: true, records: 12, head });
    });

    const tampered = async (sql: string) => {
      const store = await setup();
      for (let n = 20; n < 23; n++) await store.commit(sampleTurn(n));
      expect((await store.verifyChain()).ok).toBe(true);
      await h.tamper(sql);
      return store.verifyChain();
    };

    it("detects an edited record and names it", async () => {
      const result = await tampered("UPDATE events SET note = '已補正' WHERE chain_seq = 6");
      expect(result.ok).toBe(false);
      expect(result.broken).toMatchObject({ seq: 6, reason: expect.stringMatching(/content/) });
      expect(result.broken?.record).toMatch(/^#6 event \d+ \(A21 answered 1\.1 message msg-21\)$/);
    });

    it("detects an edited question (its citations)", async () => {
      expect((await tampered("UPDATE questions SET citation_ids = '[]' WHERE id = 'Q22'")).broken?.record).toMatch(/^#11 question Q22/);
    });

    it("detects edited feedback", async () => {
      expect((await tampered("UPDATE feedback SET value = 'down' WHERE chain_seq = 4")).broken?.seq).toBe(4);
    });

    it("detects a deleted record", async () => {
      const result = await tampered("DELETE FROM questions WHERE chain_seq = 7");
      expect(result.broken).toMatchObject({ seq: 8, reason: expect.stringMatching(/#7\.\.#7 .*missing/) });
    });

    it("detects the newest records deleted", async () => {
      const result = await tampered("DELETE FROM feedback WHERE chain_seq = 12");
      expect(result.broken).toMatchObject({ seq: 12, reason: expect.stringMatching(/newest were deleted/) });
    });

    it("detects two records swapped in the chain", async () => {
      const result = await tampered(
        "UPDATE events SET chain_seq = -1 WHERE chain_seq = 5; UPDATE events SET chain_seq = 5 WHERE chain_seq = 6; UPDATE events SET chain_seq = 6 WHERE chain_seq = -1",
      );
      expect(result.broken?.seq).toBe(5);
    });

    it("detects two event rows swapped in the history of an assessment", async () => {
      const store = await setup();
      await store.commit(sampleTurn(30));
      const [first, second] = await store.events("A30");
      // Swap the two rows' keys: the history now lists them the other way round.
      await h.tamper("UPDATE events SET seq = 1000 WHERE chain_seq = 2; UPDATE events SET seq = 1001 WHERE chain_seq = 1");
      expect(await store.events("A30")).toEqual([second, first]);
      const result = await store.verifyChain();
      expect(result.broken).toMatchObject({ seq: 1, reason: expect.stringMatching(/content/) });
    });

    it("detects a record inserted outside the answer log", async () => {
      const store = await setup();
      await store.commit(sampleTurn(40));
      await h.tamper(
        "INSERT INTO events (assessment_id, type, user_id, channel, message_id, at) VALUES ('A40', 'answered', 'U9', 'slack', 'forged', '2026-03-02T00:00:00.000Z')",
      );
      expect((await store.verifyChain()).broken?.reason).toMatch(/not part of the chain/);
    });

    it("keeps the chain linear under concurrent writers on two connections", async () => {
      const store = await setup();
      const other = await open();
      const writes = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? store : other).commit(sampleTurn(100 + i)));
      await Promise.all(writes);
      const result = await store.verifyChain();
      expect(result).toMatchObject({ ok: true, records: 24 * 4, head: { seq: 24 * 4 } });
      expect(await other.chainHead()).toEqual(result.head);
    });
  });
}
