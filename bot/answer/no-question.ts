import type { Lang } from "../../knowledge/clause.js";
import type { Answer } from "./answer.js";
import { renderAnswerText } from "./render-text.js";

/**
 * Input that holds no question: control characters and NUL bytes, U+FFFD from a broken
 * encoding, a lone letter or digit, keyboard mash. Searching it would return a confident
 * answer to nothing; the reader is told how to ask instead.
 */
const FUNCTION_WORDS =
  /\b(?:what|how|why|which|when|where|who|whom|whose|can|could|does|do|did|is|are|was|were|should|must|may|might|shall|will|would|have|has|the|a|an|of|to|for|in|on|we|our|us|you|i|my|if|any|about|with|by)\b/i;

/** True when the text, once stripped of what is not language, asks nothing. */
export function holdsNoQuestion(text: string): boolean {
  const cleaned = text
    .replace(/[\p{Cc}\p{Cf}\uFFFD\p{Co}\p{Cs}]/gu, "")
    .replace(/[\s\p{P}\p{S}]/gu, "")
    .trim();
  if (cleaned.length <= 1) return true;
  const han = cleaned.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= 2) return false;
  if (!/\p{L}/u.test(cleaned)) return true;
  // A pasted clause id (K0010162:8, I0050021:1-1) is a reference.
  if (FUNCTION_WORDS.test(text) || /\bart(?:icle)?\.?\s*\d/i.test(text) || /\b[A-Z]{2,}/.test(text) || /\b[A-Z]\d{7}:\d/i.test(text)) return false;
  // Terse questions ("data breach deadline") have words; keyboard mash has few that could be.
  const words = text.match(/\p{L}+/gu) ?? [];
  return words.filter(wordlike).length < Math.max(1, words.length / 2);
}

/** A vowel, no run of four consonants: true of English words, rarely of mash ("asdkjh", "zxcv"). */
function wordlike(word: string): boolean {
  return word.length >= 2 && /[aeiouy]/i.test(word) && !/[^aeiouy\W\d]{4,}/i.test(word);
}

const TEXT: Record<Lang, { lead: string; suggestions: string[] }> = {
  zh: {
    lead: "我沒有看到問題。請用一句話說明你想知道的事。",
    suggestions: [
      "例如：「顧客要求刪除自己的資料，我們要在幾天內處理？」",
      "或直接指明法規與條號，例如「個資法第27條」、「施行細則第8條第1項」。",
      "輸入「說明」可查看我能做的事。",
    ],
  },
  en: {
    lead: "I did not catch a question. Please ask in a sentence what you would like to know.",
    suggestions: [
      'For example: "A customer asks us to delete their data: how many days do we have?"',
      'Or name the regulation and article, e.g. "PDPA Article 27" or "Enforcement Rules Article 8".',
      'Type "help" to see what I can do.',
    ],
  },
};

/** The answer to input without a question: how to ask, in the reader's language. */
export function noQuestionAnswer(question: string, lang: Lang): Answer {
  const { lead, suggestions } = TEXT[lang];
  const answer: Answer = { lang, question, abstained: true, reason: "no_question", lead, citations: [], cases: [], warnings: [], suggestions, text: "" };
  answer.text = renderAnswerText(answer);
  return answer;
}
