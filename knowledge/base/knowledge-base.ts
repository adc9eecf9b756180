import type { ClauseRecord, Lang, RegulationRecord } from "../clause.js";
import type { CaseStudyText, KnowledgeSource, PlainNote, SuccessorLink } from "../ports.js";
import { type ClauseSource, createCorpusSource } from "./clause-source.js";
import type { Corpus } from "./corpus.js";
import type { KnowledgeFiles } from "./load-knowledge-files.js";

/** Everything ingested: the official texts and our own knowledge files, with lookups by id. */
export interface KnowledgeBase extends KnowledgeSource {
  files: KnowledgeFiles;
  /**
   * Article-level records, one per article id and language. Reads every regulation: meant
   * for the naive baseline and small corpora, not for each question.
   */
  readonly articles: ClauseRecord[];
  /** Paragraphs, items and sub-items of an article, in the authentic (Chinese) text when there is one. */
  parts(articleId: string): ClauseRecord[];
  /** Names and aliases of every regulation, for recognising mentions in questions. */
  lawNames(): Array<{ pcode: string; names: string[]; nameZh?: string; status?: string; nature?: string }>;
  defaultScope(): string[];
}

/** Indexes a corpus held in memory and the knowledge files for lookups. */
export function createKnowledgeBase(corpus: Corpus, files: KnowledgeFiles): KnowledgeBase {
  return createKnowledgeBaseFrom(createCorpusSource(corpus), files);
}

/** The knowledge base over any clause source (the saved index's clause store at query time). */
export function createKnowledgeBaseFrom(source: ClauseSource, files: KnowledgeFiles): KnowledgeBase {
  const regulations = new Map(source.regulations.map((r) => [`${r.lang}|${r.pcode}`, r]));
  const byIdCache = new WeakMap<ClauseRecord[], Map<string, ClauseRecord>>();
  const successors = new Map(files.successors.map.map((entry) => [entry.from, entry]));
  const notes = new Map(files.notes.notes.map((note) => [note.id, note]));
  const sources = new Map(files.sources.regulations.map((source) => [source.pcode, source]));
  const cases = new Map(files.cases.map((c) => [c.id, c]));

  function byId(pcode: string, lang: Lang): Map<string, ClauseRecord> {
    const list = source.clausesOf(pcode, lang);
    let map = byIdCache.get(list);
    if (!map) {
      map = new Map(list.map((c) => [c.id, c]));
      byIdCache.set(list, map);
    }
    return map;
  }

  function clause(id: string, lang: Lang): ClauseRecord | undefined {
    const pcode = id.split(":")[0] ?? "";
    return byId(pcode, lang).get(id) ?? byId(pcode, lang === "zh" ? "en" : "zh").get(id);
  }

  function parts(articleId: string): ClauseRecord[] {
    const pcode = articleId.split(":")[0] ?? "";
    const lang: Lang = regulations.has(`zh|${pcode}`) ? "zh" : "en";
    return source.clausesOf(pcode, lang).filter((c) => c.articleId === articleId && c.level !== "article");
  }

  function regulation(pcode: string, lang: Lang): RegulationRecord | undefined {
    return regulations.get(`${lang}|${pcode}`) ?? regulations.get(`${lang === "zh" ? "en" : "zh"}|${pcode}`);
  }

  function successorsOf(id: string, lang: Lang): SuccessorLink | undefined {
    if (!id.startsWith(`${files.successors.repealed}:`)) return undefined;
    // The most specific entry wins: J0080052:9:1:12 before J0080052:9.
    const parts = id.split(":");
    for (let n = parts.length; n >= 2; n--) {
      const entry = successors.get(parts.slice(0, n).join(":"));
      if (entry) {
        const note = lang === "en" ? entry.note_en : entry.note_zh;
        return { to: entry.to, repealedOn: files.successors.repealed_on, ...(note ? { note } : {}) };
      }
    }
    return undefined;
  }

  return {
    files,
    get articles() {
      return source.regulations.flatMap((r) => source.clausesOf(r.pcode, r.lang).filter((c) => c.level === "article"));
    },
    parts,
    clause,
    regulation,
    regulations: () => source.regulations,
    successorsOf,
    note(articleId: string, lang: Lang): PlainNote | undefined {
      const note = notes.get(articleId);
      return note ? { id: note.id, text: lang === "en" ? note.en : note.zh } : undefined;
    },
    caseStudy(id: string, lang: Lang): CaseStudyText | undefined {
      const found = cases.get(id);
      if (!found) return undefined;
      return lang === "en" ? { id, title: found.title_en, summary: found.summary_en } : { id, title: found.title_zh, summary: found.summary_zh };
    },
    checklists: () => files.checklists,
    checklist: (id: string) => files.checklists.find((c) => c.id === id),
    scopeSummaries(lang: Lang) {
      return files.sources.default_scope.flatMap((pcode) => {
        const source = sources.get(pcode);
        const reg = regulation(pcode, lang);
        if (!source || !reg) return [];
        return [{ pcode, name: reg.name, summary: lang === "en" ? source.summary_en : source.summary_zh }];
      });
    },
    lawNames() {
      const byPcode = new Map<string, { names: Set<string>; zh?: RegulationRecord }>();
      for (const reg of source.regulations) {
        const entry = byPcode.get(reg.pcode) ?? { names: new Set<string>() };
        entry.names.add(reg.name);
        entry.names.add(reg.nameZh);
        if (reg.lang === "zh") entry.zh = reg;
        byPcode.set(reg.pcode, entry);
      }
      for (const source of files.sources.regulations) {
        const entry = byPcode.get(source.pcode);
        if (entry) for (const alias of source.aliases) entry.names.add(alias);
      }
      return [...byPcode].map(([pcode, { names, zh }]) => ({
        pcode,
        names: [...names],
        ...(zh ? { nameZh: zh.nameZh, status: zh.status, nature: zh.nature } : {}),
      }));
    },
    defaultScope: () => files.sources.default_scope,
  };
}
