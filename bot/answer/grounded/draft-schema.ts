import { z } from "zod";

/**
 * The structured output asked of the model: sentences, each with the numbers of the clauses
 * it rests on. An empty list means the clauses do not answer the question.
 */
export const DraftSchema = z.object({
  sentences: z
    .array(
      z.object({
        text: z.string().describe("One sentence of the answer, in the language of the question."),
        clauses: z.array(z.number().int()).describe("Numbers of the given clauses this sentence rests on."),
      }),
    )
    // No maxItems: OpenAI's strict JSON schema has rejected it; verifyDraft caps the count.
    .describe("The answer, one sentence per entry; empty when the clauses do not answer the question."),
});

export type Draft = z.infer<typeof DraftSchema>;
