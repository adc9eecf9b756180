import type { Answer, Assistant } from "../bot/index.js";
import { createKnowledgeBaseFrom, detectLang, type KnowledgeBase, loadKnowledgeFiles } from "../knowledge/index.js";

/**
 * What the server answers with before its first index exists (a first start on the whole
 * database builds for minutes in a child process): questions get a plain "still building"
 * message, while checklists, which need no regulation text, already work.
 */
export function createIndexBuildingAssistant(knowledgeDir: string): { assistant: Assistant; knowledge: KnowledgeBase } {
  const knowledge = createKnowledgeBaseFrom({ regulations: [], clausesOf: () => [] }, loadKnowledgeFiles(knowledgeDir));
  const assistant: Assistant = {
    async ask(question, options = {}): Promise<Answer> {
      const lang = options.lang ?? detectLang(question);
      const lead =
        lang === "en"
          ? "I am still reading the regulations (the index is being built). Please ask again in a few minutes."
          : "法規索引建立中，我還不能引用條文回答。請過幾分鐘再問一次。";
      return { lang, question, abstained: true, reason: "no_match", lead, citations: [], cases: [], warnings: [], suggestions: [], text: lead };
    },
  };
  return { assistant, knowledge };
}
