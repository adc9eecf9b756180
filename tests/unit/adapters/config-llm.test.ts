import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../adapters/config.js";

const base = { LOG_LEVEL: "silent" };

describe("LLM_* configuration", () => {
  it("defaults to no model and an 8 s timeout", () => {
    expect(loadConfig(base).llm).toEqual({ provider: "none", timeoutMs: 8000 });
  });

  it("reads provider, model, base URL and key, falling back to the provider's usual key", () => {
    expect(loadConfig({ ...base, LLM_PROVIDER: "openai", OPENAI_API_KEY: "sk-1", LLM_BASE_URL: "http://127.0.0.1:9/v1", LLM_TIMEOUT_MS: "3000" }).llm).toEqual({
      provider: "openai",
      apiKey: "sk-1",
      baseUrl: "http://127.0.0.1:9/v1",
      timeoutMs: 3000,
    });
    expect(loadConfig({ ...base, LLM_PROVIDER: "ollama", LLM_MODEL: "qwen2.5:7b", OLLAMA_BASE_URL: "http://127.0.0.1:11434" }).llm).toMatchObject({
      baseUrl: "http://127.0.0.1:11434",
      model: "qwen2.5:7b",
    });
  });

  it("lists every missing or bad variable of the chosen provider", () => {
    expect(() => loadConfig({ ...base, LLM_PROVIDER: "openai" })).toThrow(/LLM_API_KEY \(or OPENAI_API_KEY\): required/);
    expect(() => loadConfig({ ...base, LLM_PROVIDER: "ollama" })).toThrow(/LLM_MODEL: required when LLM_PROVIDER=ollama/);
    const azure = () => loadConfig({ ...base, LLM_PROVIDER: "azure-openai" });
    expect(azure).toThrow(/LLM_API_KEY \(or AZURE_OPENAI_API_KEY\)/);
    expect(azure).toThrow(/LLM_BASE_URL .* or AZURE_OPENAI_API_INSTANCE_NAME/);
    expect(azure).toThrow(/LLM_MODEL: required when LLM_PROVIDER=azure-openai/);
    expect(() => loadConfig({ ...base, LLM_PROVIDER: "claude" })).toThrow(/LLM_PROVIDER/);
    expect(() => loadConfig({ ...base, LLM_TIMEOUT_MS: "5" })).toThrow(/LLM_TIMEOUT_MS is in milliseconds/);
    expect(() => loadConfig({ ...base, LLM_BASE_URL: "not a url" })).toThrow(/LLM_BASE_URL must be a URL/);
  });
});
