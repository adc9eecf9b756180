import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureIndex } from "../../ingest/index.js";
import { corpusDir, KNOWLEDGE, tempDir } from "../support/corpus.js";

/** A deterministic 16-dimension vector for a text: what a local fake model returns. */
function fakeVector(text: string): number[] {
  const digest = createHash("sha256").update(text).digest();
  return Array.from({ length: 16 }, (_, i) => ((digest[i] ?? 0) - 128) / 128);
}

interface Recorded {
  path: string;
  auth?: string;
  inputs: number;
}

/** A local server speaking the OpenAI embeddings API and Ollama's /api/embed. */
function startFakeModelServer(): Promise<{ server: Server; url: string; calls: Recorded[] }> {
  const calls: Recorded[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const json = JSON.parse(body) as { input: string | string[] };
      const inputs = Array.isArray(json.input) ? json.input : [json.input];
      calls.push({ path: req.url ?? "", ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), inputs: inputs.length });
      res.setHeader("content-type", "application/json");
      if (req.url?.startsWith("/api/embed")) {
        res.end(JSON.stringify({ model: "bge-m3", embeddings: inputs.map(fakeVector) }));
        return;
      }
      res.end(
        JSON.stringify({
          object: "list",
          model: "text-embedding-3-small",
          data: inputs.map((t, index) => ({ object: "embedding", index, embedding: fakeVector(t) })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls })));
}

describe("configured embedding providers over real HTTP", () => {
  const work = tempDir("providers-");
  let fake: Awaited<ReturnType<typeof startFakeModelServer>>;
  beforeAll(async () => {
    fake = await startFakeModelServer();
  });
  afterAll(() => {
    fake.server.close();
    work.cleanup();
  });

  const open = (name: string, embeddings: Parameters<typeof ensureIndex>[0]["embeddings"]) =>
    ensureIndex({ corpusDirs: [corpusDir()], knowledgeDir: KNOWLEDGE, indexDir: `${work.path}/${name}`, today: "2026-11-27", embeddings });

  it("embeds with an OpenAI-compatible endpoint chosen by configuration alone", async () => {
    const { report, manifest, vectors } = await open("openai", { provider: "openai", openaiApiKey: "sk-test", baseUrl: `${fake.url}/v1` });
    expect(report.embeddingId).toBe("openai:text-embedding-3-small:default");
    expect(manifest.embedding.dimensions).toBe(16);
    const calls = fake.calls.filter((c) => c.path === "/v1/embeddings");
    expect(calls.reduce((n, c) => n + c.inputs, 0)).toBe(report.embedded);
    expect(calls[0]?.auth).toBe("Bearer sk-test");
    expect((await vectors?.search("個人資料", 3))?.length).toBe(3);
  });

  it("embeds with Ollama, and switching models rebuilds the index", async () => {
    const first = await open("switch", { provider: "openai", openaiApiKey: "sk-test", baseUrl: `${fake.url}/v1` });
    expect(first.report.status).toBe("built");
    const { report } = await open("switch", { provider: "ollama", model: "bge-m3", ollamaBaseUrl: fake.url });
    expect(report).toMatchObject({ status: "rebuilt", embeddingId: "ollama:bge-m3" });
    expect(report.reason).toContain("embedding model changed");
    expect(fake.calls.some((c) => c.path === "/api/embed")).toBe(true);
  });
});
