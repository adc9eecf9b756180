import { z } from "zod";

/**
 * Schemas of the knowledge files the team writes under knowledge/. Every file is parsed
 * once at start-up and a failure names the file and the field (see load-knowledge.ts).
 */

/** `PCODE:ARTICLE` with optional `:paragraph[:item[:subItem]]`, e.g. `I0050022:8`, `J0080052:9:1:12`. */
const ClauseIdSchema = z.string().regex(/^[A-Z]\d{7}:\d+(?:-\d+)?(?::\d+){0,3}$/, "expected a clause id such as I0050021:27 or J0080052:9:1:12");

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

/** The three results the ministry's forms allow: 是 / 否 / 不適用. */
const CHECK_RESULTS = ["yes", "no", "na"] as const;

const bilingualList = z.array(nonEmpty).min(1);

/**
 * knowledge/checklists/*.yaml: a self-assessment checklist. Each item carries the columns
 * of the ministry's form (see the seed deck): 查核項目 (item), 查核內容 (question),
 * 查核結果 (the answer), 提出佐證證明或說明 (evidence), 說明及參考資料 (guidance) and
 * 主管機關文件對應 (clauses).
 */
export const ChecklistSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "expected kebab-case"),
    /** Bumped whenever an item's meaning changes; every answer records the version it was given against. */
    version: z.string().regex(/^\d{4}\.\d+$/, "expected YEAR.N, e.g. 2024.1"),
    title_zh: nonEmpty,
    title_en: nonEmpty,
    description_zh: nonEmpty,
    description_en: nonEmpty,
    /** Names users type to pick this checklist (自評表, 資安查核 ...). */
    aliases: z.array(nonEmpty).default([]),
    sections: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), title_zh: nonEmpty, title_en: nonEmpty }).strict()).min(1),
    items: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Z]{2,4}-\d{2,3}$/, "expected an id such as SP-01"),
            section: z.string(),
            /** 查核項目: a short name of what is checked. */
            item_zh: nonEmpty,
            item_en: nonEmpty,
            /** 查核內容: the yes/no question. */
            question_zh: nonEmpty,
            question_en: nonEmpty,
            /** 提出佐證證明或說明: documents or records that show it. */
            evidence_zh: bilingualList,
            evidence_en: bilingualList,
            /** 說明及參考資料: why it is asked and what good looks like. */
            guidance_zh: nonEmpty,
            guidance_en: nonEmpty,
            /** What to do when the answer is 否. */
            remediation_zh: nonEmpty,
            remediation_en: nonEmpty,
            /** 主管機關文件對應: the clauses the item rests on (current law first). */
            clauses: z.array(ClauseIdSchema).min(1),
            /** The reference as an older form printed it, kept verbatim (e.g. 法規命令第 9 條第 1 項第 12 款). */
            legacy_reference: z.string().optional(),
            /** Case studies (knowledge/cases) that illustrate the item. */
            cases: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((checklist, ctx) => {
    const sections = new Set(checklist.sections.map((s) => s.id));
    const seen = new Set<string>();
    checklist.items.forEach((item, i) => {
      if (!sections.has(item.section)) ctx.addIssue({ code: "custom", path: ["items", i, "section"], message: `unknown section "${item.section}"` });
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: `duplicate item id ${item.id}` });
      seen.add(item.id);
    });
  });

/**
 * knowledge/cases/*.yaml: a case study written by us from typical findings and incidents.
 * Cited as an illustration, never as law.
 */
export const CaseStudySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "expected kebab-case"),
    kind: z.enum(["finding", "incident", "question"]),
    title_zh: nonEmpty,
    title_en: nonEmpty,
    /** Two or three sentences: what happened. */
    summary_zh: nonEmpty,
    summary_en: nonEmpty,
    root_cause_zh: nonEmpty,
    root_cause_en: nonEmpty,
    /** What the rules require, in our words, with the clauses in `clauses`. */
    requirements_zh: nonEmpty,
    requirements_en: nonEmpty,
    fix_zh: nonEmpty,
    fix_en: nonEmpty,
    clauses: z.array(ClauseIdSchema).min(1),
    keywords: z.array(nonEmpty).default([]),
  })
  .strict();

export type Sources = z.infer<typeof SourcesSchema>;
export type Glossary = z.infer<typeof GlossarySchema>;
export type GlossaryTerm = Glossary["terms"][number];
export type SuccessorMap = z.infer<typeof SuccessorMapSchema>;
export type Notes = z.infer<typeof NotesSchema>;
export type OutOfScope = z.infer<typeof OutOfScopeSchema>;
export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistItem = Checklist["items"][number];
export type CheckResult = (typeof CHECK_RESULTS)[number];
export type CaseStudy = z.infer<typeof CaseStudySchema>;
export type OutOfScopeTopic = OutOfScope["topics"][number];
