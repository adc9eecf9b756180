import { z } from "zod";

/**
 * Schemas of the knowledge files the team writes under knowledge/. Every file is parsed
 * once at start-up and a failure names the file and the field (see load-knowledge.ts).
 */

/** `PCODE:ARTICLE` with optional `:paragraph[:item[:subItem]]`, e.g. `I0050022:8`, `J0080052:9:1:12`. */
export const ClauseIdSchema = z.string().regex(/^[A-Z]\d{7}:\d+(?:-\d+)?(?::\d+){0,3}$/, "expected a clause id such as I0050021:27 or J0080052:9:1:12");

const nonEmpty = z.string().trim().min(1);

/** knowledge/sources.yaml: the regulations the product knows about and how users name them. */
export const SourcesSchema = z.object({
  /** Regulations that apply to the asker by default (online retail), in priority order. */
  default_scope: z.array(z.string().regex(/^[A-Z]\d{7}$/)).min(1),
  regulations: z
    .array(
      z.object({
        pcode: z.string().regex(/^[A-Z]\d{7}$/, "expected a PCODE such as I0050021"),
        /** Short names users type: 個資法, PDPA, 施行細則 ... (the official names are known from the files). */
        aliases: z.array(nonEmpty).default([]),
        /** One line on what the regulation is for, shown when suggesting where to look. */
        summary_zh: nonEmpty,
        summary_en: nonEmpty,
      }),
    )
    .min(1),
});

/** knowledge/glossary.yaml: compliance terms with statute wording, colloquial and English synonyms. */
export const GlossarySchema = z.object({
  terms: z
    .array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/, "expected kebab-case"),
          /** Statute wording, first the most common. These are added to a query that names the concept. */
          zh: z.array(nonEmpty).min(1),
          /** Everyday or industry wording found in questions but not in statutes (撞庫, 外流, 上 patch). */
          colloquial: z.array(nonEmpty).default([]),
          en: z.array(nonEmpty).default([]),
          /**
           * A setting word (customer, online shop, company) that says where a question is
           * asked from, not which duty it is about. Generic concepts still expand queries but
           * do not count as evidence that the question is in scope.
           */
          generic: z.boolean().default(false),
          /** Optional one-line definition shown to users. */
          definition_zh: z.string().optional(),
          definition_en: z.string().optional(),
        })
        .strict(),
    )
    .min(1),
});

/**
 * knowledge/out-of-scope.yaml: neighbouring legal fields retailers ask about that the
 * corpus does not cover (tax, labour, trademarks ...). A question about one of them gets
 * an honest "I don't know" that names where to look instead.
 */
export const OutOfScopeSchema = z.object({
  topics: z
    .array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/, "expected kebab-case"),
          name_zh: nonEmpty,
          name_en: nonEmpty,
          /** Words that mark a question as belonging to this field (zh and en, as people type them). */
          terms: z.array(nonEmpty).min(1),
          /** Where to look instead: the authority and the regulations, in each language. */
          where_zh: nonEmpty,
          where_en: nonEmpty,
        })
        .strict(),
    )
    .min(1),
});

/** knowledge/successors.yaml: where each duty of a repealed regulation lives now. */
export const SuccessorMapSchema = z.object({
  repealed: z.string().regex(/^[A-Z]\d{7}$/),
  successor: z.string().regex(/^[A-Z]\d{7}$/),
  repealed_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  map: z
    .array(
      z
        .object({
          from: ClauseIdSchema,
          to: z.array(ClauseIdSchema).min(1, "every entry needs at least one successor clause"),
          note_zh: z.string().optional(),
          note_en: z.string().optional(),
        })
        .strict(),
    )
    .min(1),
});

/** knowledge/notes.yaml: plain-language notes per article, product content shown as 白話說明 (never as law). */
export const NotesSchema = z.object({
  notes: z
    .array(
      z
        .object({
          id: ClauseIdSchema,
          zh: nonEmpty,
          en: nonEmpty,
          /** Words people use for this duty that the statute does not (also indexed). */
          keywords: z.array(nonEmpty).default([]),
        })
        .strict(),
    )
    .default([]),
});

export type Sources = z.infer<typeof SourcesSchema>;
export type Glossary = z.infer<typeof GlossarySchema>;
export type GlossaryTerm = Glossary["terms"][number];
export type SuccessorMap = z.infer<typeof SuccessorMapSchema>;
export type Notes = z.infer<typeof NotesSchema>;
export type OutOfScope = z.infer<typeof OutOfScopeSchema>;
export type OutOfScopeTopic = OutOfScope["topics"][number];
