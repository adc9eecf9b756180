import type { Answer } from "./answer/answer.js";
import { composeAnswer } from "./answer/compose-answer.js";
import type { Lang } from "./clause.js";
import { detectLang } from "./language.js";
import type { KnowledgeSource, Retriever } from "./ports.js";

export interface AskOptions {
  /** Answer in this language; detected from the question when absent. */
  lang?: Lang;
  /** Article ids the conversation was about, most recent first ("那第2項呢？"). */
  context?: string[];
}

export interface Assistant {
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

export interface AssistantDeps {
  retriever: Retriever;
  knowledge: KnowledgeSource;
}

/** Questions in, cited answers out: retrieval through the port, then the extractive answer. */
export function createAssistant(deps: AssistantDeps): Assistant {
  return {
    async ask(question, options = {}) {
      const text = question.trim();
      const lang = options.lang ?? detectLang(text);
      const result = await deps.retriever.retrieve({ text, lang, ...(options.context ? { context: options.context } : {}) });
      return composeAnswer(text, lang, result, deps.knowledge);
    },
  };
}
