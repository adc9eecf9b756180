import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../../adapters/store/sqlite-store.js";
import { createAssistant, createEngine, type Engine, systemClock } from "../../../bot/index.js";
import type { KnowledgeSource } from "../../../knowledge/index.js";
import { tempDir } from "../corpus.js";
import { type LogEntry, recordingLogger } from "../recording-logger.js";
import { createFakeRetriever, type FakeRetriever, type FakeRule } from "./fake-retriever.js";
import { fixtureKnowledge } from "./fixture-knowledge.js";

export interface FakeEngine {
  engine: Engine;
  retriever: FakeRetriever;
  knowledge: KnowledgeSource;
  /** The real SQLite answer log, in a temporary folder. */
  store: SqliteStore;
  logs: LogEntry[];
  close(): Promise<void>;
}

/** Rules of the fixture: an exact reference, a topic, a repealed rule, an unknown law. */
export const FIXTURE_RULES: FakeRule[] = [
  { match: /第\s*27\s*條第\s*1\s*項/, hits: ["I0050021:27:1"], reference: true },
  { match: /第\s*27\s*條|Article 27/i, hits: ["I0050021:27"], reference: true },
  { match: /勞基法|勞動基準法/, abstain: { reason: "out_of_scope", unknownLaw: "勞動基準法" } },
  { match: /網際網路零售業.*第\s*9\s*條|舊辦法/, hits: ["J0080052:9:1:12"] },
  { match: /委外|受託|outsourc/i, hits: ["K0010162:19:2"], cases: ["vendor-check"] },
  { match: /安全措施|security measures/i, hits: ["I0050021:27:1", "I0050021:27:2"] },
];

/** The real engine and SQLite answer log over the fake retriever and knowledge source. */
export function createFakeEngine(options: { rules?: FakeRule[]; knowledge?: KnowledgeSource; now?: () => Date } = {}): FakeEngine {
  const dir = tempDir("fake-engine-");
  const knowledge = options.knowledge ?? fixtureKnowledge();
  const retriever = createFakeRetriever(options.rules ?? FIXTURE_RULES, knowledge);
  const store = openSqliteStore(join(dir.path, "answers.db"));
  const logger = recordingLogger();
  const engine = createEngine({
    assistant: createAssistant({ retriever, knowledge }),
    knowledge,
    store,
    logger,
    clock: options.now ? { now: options.now } : systemClock,
  });
  return {
    engine,
    retriever,
    knowledge,
    store,
    logs: logger.entries,
    async close() {
      await store.close();
      dir.cleanup();
    },
  };
}

/** A fresh fake engine for each test of the calling describe block (closed after it). */
export function useFakeEngine(options: Parameters<typeof createFakeEngine>[0] = {}): () => FakeEngine {
  let current: FakeEngine | undefined;
  beforeEach(() => {
    current = createFakeEngine(options);
  });
  afterEach(() => current?.close());
  return () => {
    if (!current) throw new Error("useFakeEngine: only inside a test");
    return current;
  };
}
