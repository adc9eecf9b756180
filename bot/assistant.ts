import type { Lang } from "../knowledge/clause.js";
import type { ArticleHistory, KnowledgeSource, Retriever } from "../knowledge/index.js";
import { detectLang } from "../knowledge/language.js";
import type { Answer } from "./answer/answer.js";
import { composeAnswer } from "./answer/compose-answer.js";
import { type GroundingDeps, groundAnswer } from "./answer/grounded/ground-answer.js";
import { asksHoldings, holdingsAnswer } from "./answer/holdings.js";
import { withTruncationNote } from "./answer/messages.js";
import { holdsNoQuestion, noQuestionAnswer } from "./answer/no-question.js";
import { INPUT_LIMITS } from "./limits.js";
import { maskPersonalData } from "./privacy/mask-personal-data.js";

interface AskOptions {
  /** Answer in this language; detected from the question when absent. */
  lang?: Lang;
  /** Article ids the conversation was about, most recent first ("那第2項呢？"). */
  context?: string[];
  /** Called when a configured model starts writing (channels show a working state). */
  onModelStart?: () => void | Promise<void>;
}

export interface Assistant {
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

interface AssistantDeps {
  retriever: Retriever;
  knowledge: KnowledgeSource;
  /** A language model to write the lead from the retrieved clauses; without one, the offline answer. */
  grounding?: GroundingDeps;
  /** Article texts by corpus version, when the corpus came from a sync (text in force, versions quoted). */
  history?: ArticleHistory;
}

/**
 * Questions in, cited answers out: retrieval through the port, then the extractive answer;
 * with a model configured, its verified sentences lead and the extractive answer is the fallback.
 */
export function createAssistant(deps: AssistantDeps): Assistant {
  return {
    async ask(question, options = {}) {
      const text = question.trim();
      const lang = options.lang ?? detectLang(text);
      if (holdsNoQuestion(text)) return noQuestionAnswer(text, lang);
      if (asksHoldings(text)) return holdingsAnswer(text, lang, deps.knowledge);
      // A pasted document is not a question: search with its beginning and say so.
      const searched = text.slice(0, INPUT_LIMITS.searched);
      const result = await deps.retriever.retrieve({ text: searched, lang, ...(options.context ? { context: options.context } : {}) });
      const offline = composeAnswer(text, lang, result, deps.knowledge, deps.history);
      // The model sees the question only with personal data masked.
      const answer = deps.grounding ? await groundAnswer(offline, maskPersonalData(searched, lang).text, deps.grounding, options.onModelStart) : offline;
      return searched.length < text.length ? withTruncationNote(answer, INPUT_LIMITS.searched) : answer;
    },
  };
}
