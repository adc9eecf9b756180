import {
  type Checklist,
  ChecklistSchema,
  type ClauseRecord,
  type KnowledgeSource,
  type Lang,
  type RegulationRecord,
  type SuccessorLink,
} from "../../../knowledge/index.js";

/**
 * A KnowledgeSource over a handful of clauses written in a test, in the manner of
 * langchainjs's fake models: the engine and the channels run against it without the corpus.
 * Lookups behave like the real knowledge base: a language falls back to the other one,
 * and the most specific successor entry wins.
 */
interface FakeKnowledgeInput {
  clauses: ClauseRecord[];
  /** Regulation records; derived from the clauses (name, status, date, url) when absent. */
  regulations?: RegulationRecord[];
  /** Successor links keyed by the id of the repealed clause or article. */
  successors?: Record<string, SuccessorLink>;
  notes?: Record<string, { zh: string; en: string }>;
  cases?: Array<{ id: string; zh: { title: string; summary: string }; en: { title: string; summary: string } }>;
  /** Checklists as they would be written in YAML (validated by the real schema). */
  checklists?: unknown[];
  scope?: string[];
}

export function createFakeKnowledge(input: FakeKnowledgeInput): KnowledgeSource {
  const clauses = new Map(input.clauses.map((c) => [`${c.lang}|${c.id}`, c]));
  const regulations = input.regulations ?? deriveRegulations(input.clauses);
  const byPcode = new Map(regulations.map((r) => [`${r.lang}|${r.pcode}`, r]));
  const checklists: Checklist[] = (input.checklists ?? []).map((c) => ChecklistSchema.parse(c));
  const other = (lang: Lang): Lang => (lang === "zh" ? "en" : "zh");
  const regulation = (pcode: string, lang: Lang) => byPcode.get(`${lang}|${pcode}`) ?? byPcode.get(`${other(lang)}|${pcode}`);

  return {
    clause: (id, lang) => clauses.get(`${lang}|${id}`) ?? clauses.get(`${other(lang)}|${id}`),
    regulation,
    regulations: () => regulations,
    successorsOf(id) {
      const parts = id.split(":");
      for (let n = parts.length; n >= 2; n--) {
        const link = input.successors?.[parts.slice(0, n).join(":")];
        if (link) return link;
      }
      return undefined;
    },
    note(articleId, lang) {
      const note = input.notes?.[articleId];
      return note ? { id: articleId, text: note[lang] } : undefined;
    },
    caseStudy(id, lang) {
      const found = input.cases?.find((c) => c.id === id);
      return found ? { id, ...found[lang] } : undefined;
    },
    checklists: () => checklists,
    checklist: (id) => checklists.find((c) => c.id === id),
    scopeSummaries(lang) {
      return (input.scope ?? []).flatMap((pcode) => {
        const reg = regulation(pcode, lang);
        return reg ? [{ pcode, name: reg.name, summary: `${reg.name} (fake summary)` }] : [];
      });
    },
  };
}

function deriveRegulations(clauses: ClauseRecord[]): RegulationRecord[] {
  const seen = new Map<string, RegulationRecord>();
  for (const c of clauses) {
    const key = `${c.lang}|${c.pcode}`;
    if (seen.has(key)) continue;
    seen.set(key, {
      pcode: c.pcode,
      lang: c.lang,
      name: c.lawName,
      nameZh: c.lawNameZh,
      nature: "法律",
      status: c.status === "repealed" ? "repealed" : "in_force",
      asOf: c.asOf,
      url: c.url,
      notInForceArticles: [],
      file: `fake/${c.lang}/${c.pcode}.json`,
    });
  }
  return [...seen.values()];
}
