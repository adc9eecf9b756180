import type { Lang } from "../../knowledge/clause.js";
import type { KnowledgeSource } from "../../knowledge/index.js";
import type { Answer } from "./answer.js";
import { heldRegulations } from "./messages.js";
import { renderAnswerText } from "./render-text.js";

// "你收錄哪些法規？", "What regulations do you cover?": a question about the bot, not the law.
const ASKS_HOLDINGS =
  /(?:你|妳|您|助理|機器人).{0,4}(?:收錄|涵蓋|支援|知道|懂|有)(?:了)?(?:哪些|什麼|幾部)(?:法規|法律)|(?:收錄|涵蓋)(?:了)?(?:哪些|什麼)(?:法規|法律)|\b(?:what|which) (?:regulations|laws|acts) (?:do|can) you (?:hold|know|cover|have|answer|quote)\b|\bwhat do you (?:cover|hold)\b/i;

/** True when the question asks which regulations the bot holds. */
export function asksHoldings(question: string): boolean {
  return ASKS_HOLDINGS.test(question);
}

/** The list of every regulation loaded, as an answer without citations. */
export function holdingsAnswer(question: string, lang: Lang, knowledge: KnowledgeSource): Answer {
  const held = heldRegulations(knowledge, lang);
  const lead =
    lang === "en"
      ? `I hold these regulations (official texts from the Ministry of Justice): ${held}.`
      : `我收錄的法規（法務部全國法規資料庫官方條文）：${held}。`;
  const suggestions = [lang === "en" ? 'Ask about a duty, or name a clause, e.g. "PDPA Article 27".' : "可以直接問義務，或指明條文，例如「個資法第27條」。"];
  const answer: Answer = { lang, question, abstained: true, reason: "capabilities", lead, citations: [], cases: [], warnings: [], suggestions, text: "" };
  answer.text = renderAnswerText(answer);
  return answer;
}
