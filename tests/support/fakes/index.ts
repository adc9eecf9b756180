export { clause } from "./clauses.js";
export { createFakeEngine, type FakeEngine, FIXTURE_RULES, useFakeEngine } from "./fake-engine.js";
export { createFakeKnowledge } from "./fake-knowledge.js";
export { createFakeRetriever, type FakeRetriever, type FakeRule } from "./fake-retriever.js";
export { fixtureKnowledge } from "./fixture-knowledge.js";
export { scriptedEngine } from "./scripted-engine.js";
