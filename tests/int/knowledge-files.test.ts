import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../bot/index.js";
import { loadCorpus, loadKnowledgeFiles } from "../../ingest/index.js";
import { corpusDir, KNOWLEDGE, tempDir } from "../support/corpus.js";

describe("knowledge files against the corpus", () => {
  const files = loadKnowledgeFiles(KNOWLEDGE);
  let ids: Set<string>;
  let zhText: string;
  beforeAll(() => {
    const corpus = loadCorpus([corpusDir()], "2026-11-27");
    ids = new Set(corpus.clauses.map((c) => c.id));
    // Article texts and chapter headings (罰則 is a heading).
    zhText = corpus.clauses
      .filter((c) => c.lang === "zh" && c.level === "article")
      .map((c) => `${c.chapter ?? ""}\n${c.text}`)
      .join("\n");
  });

  it("maps every article of the repealed J0080052 to clauses of K0010162 that exist", () => {
    const articles = [...ids].filter((id) => /^J0080052:[\d-]+$/.test(id));
    expect(articles.length).toBe(21);
    const mapped = new Set(files.successors.map.map((e) => e.from));
    for (const article of articles) expect(mapped, `${article} has no successor entry`).toContain(article);
    for (const entry of files.successors.map) {
      expect(ids, `${entry.from} does not exist`).toContain(entry.from);
      expect(
        entry.to.some((id) => id.startsWith("K0010162:")),
        `${entry.from} has no K0010162 target`,
      ).toBe(true);
      for (const target of entry.to) expect(ids, `${entry.from} -> ${target} does not exist`).toContain(target);
    }
  });

  it("attaches notes to articles that exist", () => {
    for (const note of files.notes.notes) expect(ids, note.id).toContain(note.id);
  });

  it("uses statute wording in the glossary's zh lists", () => {
    const missing = files.glossary.terms.flatMap((t) => t.zh.filter((w) => !zhText.includes(w)).map((w) => `${t.id}: ${w}`));
    expect(missing).toEqual([]);
  });

  it("keeps out-of-scope words out of the statutes, so they never refuse an answerable question", () => {
    const inCorpus = files.outOfScope.topics.flatMap((t) => t.terms.filter((w) => /\p{Script=Han}/u.test(w) && zhText.includes(w)).map((w) => `${t.id}: ${w}`));
    expect(inCorpus).toEqual([]);
  });

  it("has aliases that name one regulation each", () => {
    const seen = new Map<string, string>();
    for (const source of files.sources.regulations) {
      for (const alias of source.aliases) {
        expect(seen.get(alias) ?? source.pcode, `alias ${alias}`).toBe(source.pcode);
        seen.set(alias, source.pcode);
      }
    }
  });
});

describe("a broken knowledge file", () => {
  const dir = tempDir("knowledge-");
  afterAll(() => dir.cleanup());

  it("is reported with its file name and the bad field", () => {
    cpSync(KNOWLEDGE, dir.path, { recursive: true });
    writeFileSync(
      join(dir.path, "successors.yaml"),
      "repealed: J0080052\nsuccessor: K0010162\nrepealed_on: 2023-11-21\nmap:\n  - from: J0080052:1\n    to: []\n",
    );
    let error: unknown;
    try {
      loadKnowledgeFiles(dir.path);
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error, "KNOWLEDGE_INVALID")).toBe(true);
    expect((error as Error).message).toContain(join(dir.path, "successors.yaml"));
    expect((error as Error).message).toContain("map[0] (J0080052:1).to");
  });
});
