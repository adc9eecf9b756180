export { clause } from "./clauses.js";
export { createFakeEngine, type FakeEngine, FIXTURE_RULES, useFakeEngine } from "./fake-engine.js";
export { createFakeKnowledge, type FakeKnowledgeInput } from "./fake-knowledge.js";
export { createFakeRetriever, type FakeRetriever, type FakeRule } from "./fake-retriever.js";
export { FIXTURE_CHECKLIST, FIXTURE_CLAUSES, fixtureKnowledge } from "./fixture-knowledge.js";
