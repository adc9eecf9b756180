import type { RecordedChat, ScriptedReply } from "./fake-llm-server.js";

/** The numbered clauses of a grounding prompt as the fake model read them: [n] label, then the text. */
export function promptClauses(call: RecordedChat): Array<{ n: number; label: string; text: string }> {
  const system = call.messages.find((m) => m.role === "system")?.content ?? "";
  const section = system.split("Clauses:\n")[1] ?? "";
  return section.split(/\n\n(?=\[\d+\] )/).flatMap((block) => {
    const head = /^\[(\d+)\] (.*)\n([\s\S]*)$/.exec(block.trim());
    return head ? [{ n: Number(head[1]), label: head[2] ?? "", text: head[3] ?? "" }] : [];
  });
}

/** A correct answer: the first sentence of clause 1, verbatim, citing clause 1. */
export function correctAnswer(call: RecordedChat): ScriptedReply {
  const first = promptClauses(call)[0];
  const sentence = `${(first?.text ?? "").split(/(?<=。)/)[0]?.trim()}`;
  return { kind: "json", value: { sentences: [{ text: sentence, clauses: [1] }] } };
}

/** The scripted replies every provider is tested with, by name. */
export const SCRIPTS: Record<string, (call: RecordedChat) => ScriptedReply> = {
  correct: correctAnswer,
  "cites a clause it was not given": () => ({ kind: "json", value: { sentences: [{ text: "業者應於知悉事故後通報。", clauses: [99] }] } }),
  "wrong deadline": () => ({ kind: "json", value: { sentences: [{ text: "業者應於知悉事故後九百九十九小時內通報。", clauses: [1] }] } }),
  refusal: () => ({ kind: "refusal", text: "I'm sorry, I can't help with that." }),
  "malformed output": () => ({ kind: "text", content: '{"sentences": [{"text": ' }),
  "HTTP 500": () => ({ kind: "status", status: 500 }),
  "HTTP 429": () => ({ kind: "status", status: 429, headers: { "retry-after": "20" } }),
  timeout: () => ({ kind: "hang" }),
};
