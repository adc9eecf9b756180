import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import {
  type CaseStudy,
  CaseStudySchema,
  type Checklist,
  ChecklistSchema,
  type Glossary,
  GlossarySchema,
  type Notes,
  NotesSchema,
  type OutOfScope,
  OutOfScopeSchema,
  type Sources,
  SourcesSchema,
  type SuccessorMap,
  SuccessorMapSchema,
} from "../content/schema.js";
import { AppError, ErrorCodes } from "../errors.js";

export interface KnowledgeFiles {
  sources: Sources;
  glossary: Glossary;
  successors: SuccessorMap;
  notes: Notes;
  outOfScope: OutOfScope;
  checklists: Checklist[];
  cases: CaseStudy[];
  /** Raw text of every file read, for the corpus hash. */
  raw: Array<{ path: string; raw: string }>;
}

/** Reads and validates one YAML file; the error names the file and every bad field. */
function readYamlFile<T extends z.ZodTypeAny>(path: string, schema: T): { value: z.infer<T>; raw: string } {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    throw new AppError(ErrorCodes.KNOWLEDGE_INVALID, `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, {
      cause: error,
      hint: "Check that the knowledge folder is complete (git checkout knowledge/).",
    });
  }
  let data: unknown;
  try {
    data = parseYaml(raw, { prettyErrors: true });
  } catch (error) {
    throw new AppError(ErrorCodes.KNOWLEDGE_INVALID, `${path}: not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `  - field ${formatPath(issue.path, data)}: ${issue.message}`);
    throw new AppError(ErrorCodes.KNOWLEDGE_INVALID, `${path}: invalid content\n${fields.join("\n")}`, {
      hint: "Fix the fields listed above; the schema is in knowledge/schema.ts.",
    });
  }
  return { value: parsed.data, raw };
}

/** Field path with the entry's id when there is one: terms[3] (id: personal-data).zh */
function formatPath(path: Array<string | number>, data: unknown): string {
  let node: unknown = data;
  const parts: string[] = [];
  for (const key of path) {
    node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
    if (typeof key === "number") {
      const id = node && typeof node === "object" ? ((node as Record<string, unknown>).id ?? (node as Record<string, unknown>).from) : undefined;
      parts.push(`[${key}]${typeof id === "string" ? ` (${id})` : ""}`);
    } else {
      parts.push(parts.length === 0 ? key : `.${key}`);
    }
  }
  return parts.join("") || "(root)";
}

/** Every *.yaml file of a folder, sorted by name; a missing folder holds none. */
function readYamlFolder<T extends z.ZodTypeAny>(dir: string, schema: T): Array<{ path: string; value: z.infer<T>; raw: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => ({ path: join(dir, name), ...readYamlFile(join(dir, name), schema) }));
}

/** A checklist may link only to case studies that exist, and ids must be unique. */
function checkLinks(checklists: Array<{ path: string; value: Checklist }>, cases: CaseStudy[]): void {
  const caseIds = new Set(cases.map((c) => c.id));
  const seen = new Map<string, string>();
  for (const { path, value } of checklists) {
    const earlier = seen.get(value.id);
    if (earlier) throw new AppError(ErrorCodes.KNOWLEDGE_INVALID, `${path}: field id: checklist id "${value.id}" is already used by ${earlier}`);
    seen.set(value.id, path);
    value.items.forEach((item, i) => {
      for (const [j, id] of item.cases.entries()) {
        if (!caseIds.has(id)) {
          throw new AppError(ErrorCodes.KNOWLEDGE_INVALID, `${path}: field items[${i}] (${item.id}).cases[${j}]: no case study "${id}" in knowledge/cases`);
        }
      }
    });
  }
}

/** Loads the glossary, sources, successor map, notes, out-of-scope fields, checklists and case studies. */
export function loadKnowledgeFiles(dir: string): KnowledgeFiles {
  const sources = readYamlFile(join(dir, "sources.yaml"), SourcesSchema);
  const glossary = readYamlFile(join(dir, "glossary.yaml"), GlossarySchema);
  const successors = readYamlFile(join(dir, "successors.yaml"), SuccessorMapSchema);
  const notes = readYamlFile(join(dir, "notes.yaml"), NotesSchema);
  const outOfScope = readYamlFile(join(dir, "out-of-scope.yaml"), OutOfScopeSchema);
  const checklists = readYamlFolder(join(dir, "checklists"), ChecklistSchema);
  const cases = readYamlFolder(join(dir, "cases"), CaseStudySchema);
  checkLinks(
    checklists,
    cases.map((c) => c.value),
  );
  return {
    sources: sources.value,
    glossary: glossary.value,
    successors: successors.value,
    notes: notes.value,
    outOfScope: outOfScope.value,
    checklists: checklists.map((c) => c.value),
    cases: cases.map((c) => c.value),
    raw: [
      { path: "sources.yaml", raw: sources.raw },
      { path: "glossary.yaml", raw: glossary.raw },
      { path: "successors.yaml", raw: successors.raw },
      { path: "notes.yaml", raw: notes.raw },
      { path: "out-of-scope.yaml", raw: outOfScope.raw },
      ...checklists.map((c) => ({ path: c.path, raw: c.raw })),
      ...cases.map((c) => ({ path: c.path, raw: c.raw })),
    ],
  };
}
