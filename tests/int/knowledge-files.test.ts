import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../ingest/index.js";
import { isAppError, loadKnowledgeFiles } from "../../knowledge/index.js";
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

  it("rests every checklist item on clauses that exist, never only on the repealed regulation", () => {
    expect(files.checklists.map((c) => c.id)).toEqual(expect.arrayContaining(["security-plan", "ecommerce-security-basics", "outsourcing-seed"]));
    for (const checklist of files.checklists) {
      for (const item of checklist.items) {
        for (const id of item.clauses) expect(ids, `${checklist.id} ${item.id} cites ${id}`).toContain(id);
        expect(
          item.clauses.some((id) => !id.startsWith("J0080052:")),
          `${checklist.id} ${item.id} cites only J0080052`,
        ).toBe(true);
      }
    }
  });

  it("covers every duty of K0010162 Art. 3-19 in the security-plan checklist", () => {
    const plan = files.checklists.find((c) => c.id === "security-plan");
    const cited = new Set(plan?.items.flatMap((i) => i.clauses).map((id) => id.split(":").slice(0, 2).join(":")));
    for (let article = 3; article <= 19; article++) expect(cited, `K0010162:${article}`).toContain(`K0010162:${article}`);
  });

  it("keeps the seed's outsourcing item with its old reference mapped to current clauses", () => {
    const seed = files.checklists.find((c) => c.id === "outsourcing-seed")?.items[0];
    expect(seed?.legacy_reference).toContain("法規命令第 9 條第 1 項第 12 款");
    expect(seed?.clauses).toEqual(expect.arrayContaining(["I0050022:8", "K0010162:19:2"]));
  });

  it("grounds every case study in clauses that exist", () => {
    expect(files.cases.length).toBeGreaterThanOrEqual(10);
    for (const study of files.cases) for (const id of study.clauses) expect(ids, `${study.id} cites ${id}`).toContain(id);
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
