import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore, type PostgresStore } from "../../adapters/store/postgres-store.js";
import { type AssessmentStore, createAssistant, createEngine, type Engine, systemClock } from "../../bot/index.js";
import { itemOf, say } from "../support/engine.js";
import { createFakeRetriever, FIXTURE_RULES, fixtureKnowledge } from "../support/fakes/index.js";
import { createTestDatabase, type TestDatabase } from "../support/postgres.js";
import { recordingLogger } from "../support/recording-logger.js";

/** The real store, except that while `hold` is set a commit waits until `release` is called: two replicas mid-turn. */
function holdingCommits(store: AssessmentStore) {
  const waiting: Array<() => void> = [];
  const state = { hold: false };
  const wrapped: AssessmentStore = {
    ...store,
    async commit(write) {
      if (state.hold) await new Promise<void>((go) => waiting.push(go));
      return store.commit(write);
    },
  };
  return { store: wrapped, state, waiting };
}

describe("two engines (two replicas) taking turns of one conversation at the same moment", () => {
  let db: TestDatabase;
  // The real engine over the fake retriever and knowledge (checklist "mini"): no index to build.
  const knowledge = fixtureKnowledge();
  const assistant = createAssistant({ retriever: createFakeRetriever(FIXTURE_RULES, knowledge), knowledge });
  const stores: PostgresStore[] = [];
  beforeAll(async () => {
    db = await createTestDatabase("ca_race");
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await db?.drop();
  });

  it("records both answers on consecutive items: the turn that read a stale session runs again", async () => {
    const logger = recordingLogger();
    const engines: Engine[] = [];
    const gates: Array<ReturnType<typeof holdingCommits>> = [];
    for (let i = 0; i < 2; i++) {
      const store = await openPostgresStore(db.url);
      stores.push(store);
      const gate = holdingCommits(store);
      gates.push(gate);
      engines.push(createEngine({ assistant, knowledge, store: gate.store, logger, clock: systemClock }));
    }
    const [a, b] = engines as [Engine, Engine];
    const first = itemOf(await say(a, "bob", "開始自評 迷你"));
    for (const g of gates) g.state.hold = true;
    // Both turns read the session (item 1) and reach their commit before either writes.
    const yes = say(a, "bob", "是");
    const no = say(b, "bob", "否");
    while (gates.some((g) => g.waiting.length === 0)) await new Promise((r) => setTimeout(r, 10));
    for (const g of gates) g.state.hold = false;
    for (const g of gates) for (const go of g.waiting.splice(0)) go();
    const [yesReply, noReply] = await Promise.all([yes, no]);
    const responses = await (stores[0] as PostgresStore).responses(first.assessmentId);
    expect(responses).toHaveLength(2);
    expect(new Set(responses.map((r) => r.itemId)).size).toBe(2);
    expect(responses.map((r) => r.result).sort()).toEqual(["no", "yes"]);
    expect(logger.entries.filter((e) => e.message === "turn raced another process; running it again")).toHaveLength(1);
    // Each user saw the item after the one their answer was recorded for.
    expect([itemOf(yesReply).position, itemOf(noReply).position].sort()).toEqual([2, 3]);
    expect((await (stores[1] as PostgresStore).verifyChain()).ok).toBe(true);
  });
});
