import type { OutOfScopeTopic } from "../../content/schema.js";
import { normalizeText } from "../text/normalize.js";

export interface OutOfScopeMatcher {
  /** Neighbouring legal fields a question is about, with the words that gave them away. */
  match(text: string): Array<{ topic: OutOfScopeTopic; terms: string[] }>;
}

/** Finds words of neighbouring legal fields (發票, 加班費, trademark) in a question. */
export function createOutOfScopeMatcher(topics: OutOfScopeTopic[]): OutOfScopeMatcher {
  const compiled = topics.map((topic) => ({
    topic,
    terms: topic.terms.map((term) => {
      const key = normalizeText(term).replace(/\s+/g, " ").trim();
      const latin = /^[a-z0-9 .'&-]+$/.test(key);
      return { term, key, pattern: latin ? new RegExp(`(^|[^a-z0-9])${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z0-9])`) : undefined };
    }),
  }));
  return {
    match(text) {
      const normalized = normalizeText(text).replace(/\s+/g, " ");
      const compact = normalized.replace(/\s+/g, "");
      return compiled.flatMap(({ topic, terms }) => {
        const found = terms.filter(({ key, pattern }) => (pattern ? pattern.test(normalized) : compact.includes(key.replace(/\s+/g, "")))).map((t) => t.term);
        return found.length > 0 ? [{ topic, terms: found }] : [];
      });
    },
  };
}
