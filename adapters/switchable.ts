import type { Assistant } from "../bot/index.js";
import type { KnowledgeSource } from "../knowledge/index.js";

/**
 * An assistant and a knowledge source whose implementation can be replaced while the
 * server runs: the engine and the channels keep one object, and a background build swaps
 * the freshly opened index in behind it between two questions.
 */
export interface Switchable {
  assistant: Assistant;
  knowledge: KnowledgeSource;
  swap(next: { assistant: Assistant; knowledge: KnowledgeSource }): void;
}

export function createSwitchable(initial: { assistant: Assistant; knowledge: KnowledgeSource }): Switchable {
  let current = initial;
  const knowledge: KnowledgeSource = {
    clause: (id, lang) => current.knowledge.clause(id, lang),
    regulation: (pcode, lang) => current.knowledge.regulation(pcode, lang),
    regulations: () => current.knowledge.regulations(),
    successorsOf: (id, lang) => current.knowledge.successorsOf(id, lang),
    note: (id, lang) => current.knowledge.note(id, lang),
    caseStudy: (id, lang) => current.knowledge.caseStudy(id, lang),
    checklists: () => current.knowledge.checklists(),
    checklist: (id) => current.knowledge.checklist(id),
    scopeSummaries: (lang) => current.knowledge.scopeSummaries(lang),
  };
  return {
    assistant: { ask: (question, options) => current.assistant.ask(question, options) },
    knowledge,
    swap(next) {
      current = next;
    },
  };
}
