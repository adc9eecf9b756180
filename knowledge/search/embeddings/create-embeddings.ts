import { basename, dirname, resolve } from "node:path";
import type { Embeddings } from "@langchain/core/embeddings";
import { AppError, ErrorCodes } from "../../errors.js";
import type { GlossaryMatcher } from "../query/glossary-matcher.js";
import type { Analyzer } from "../text/analyzer.js";
import { HashingEmbeddings } from "./hashing-embeddings.js";

export type EmbeddingsProvider = "hashing" | "openai" | "azure-openai" | "ollama" | "transformers";

export interface EmbeddingsConfig {
  provider: EmbeddingsProvider;
  model?: string;
  dimensions?: number;
  /** OpenAI-compatible or Azure base URL; lets tests point at a local fake. */
  baseUrl?: string;
  openaiApiKey?: string;
  azure?: { apiKey?: string; instanceName?: string; deploymentName?: string; apiVersion?: string };
  ollamaBaseUrl?: string;
  transformersModelDir?: string;
}

export interface EmbeddingsChoice {
  embeddings: Embeddings;
  /** Identifies the model and its settings; stored in the index manifest. */
  id: string;
}

/**
 * Selects the embedding model from configuration. Every provider is a LangChain
 * `Embeddings`, so the index and the retriever do not know which one runs.
 * `knowledgeVersion` enters the id of the hashing model because its concept features
 * come from the glossary.
 */
export async function createEmbeddings(
  config: EmbeddingsConfig,
  local: { analyzer: Analyzer; glossary: GlossaryMatcher; knowledgeVersion: string },
): Promise<EmbeddingsChoice> {
  switch (config.provider) {
    case "hashing": {
      const dimensions = config.dimensions ?? 512;
      return {
        embeddings: new HashingEmbeddings({ analyzer: local.analyzer, glossary: local.glossary, dimensions }),
        id: `hashing-v1:${dimensions}:${local.knowledgeVersion}`,
      };
    }
    case "openai": {
      const { OpenAIEmbeddings } = await import("@langchain/openai");
      const model = config.model ?? "text-embedding-3-small";
      return {
        embeddings: new OpenAIEmbeddings({
          model,
          apiKey: config.openaiApiKey ?? "",
          ...(config.dimensions ? { dimensions: config.dimensions } : {}),
          ...(config.baseUrl ? { configuration: { baseURL: config.baseUrl } } : {}),
        }),
        id: `openai:${model}:${config.dimensions ?? "default"}`,
      };
    }
    case "azure-openai": {
      const { AzureOpenAIEmbeddings } = await import("@langchain/openai");
      const azure = config.azure ?? {};
      return {
        embeddings: new AzureOpenAIEmbeddings({
          azureOpenAIApiKey: azure.apiKey ?? "",
          ...(azure.instanceName ? { azureOpenAIApiInstanceName: azure.instanceName } : {}),
          ...(config.baseUrl ? { azureOpenAIBasePath: config.baseUrl } : {}),
          azureOpenAIApiDeploymentName: azure.deploymentName ?? "",
          azureOpenAIApiVersion: azure.apiVersion ?? "2024-10-21",
          ...(config.dimensions ? { dimensions: config.dimensions } : {}),
        }),
        id: `azure-openai:${azure.deploymentName}:${config.dimensions ?? "default"}`,
      };
    }
    case "ollama": {
      const { OllamaEmbeddings } = await import("@langchain/ollama");
      const model = config.model ?? "bge-m3";
      return {
        embeddings: new OllamaEmbeddings({ model, ...(config.ollamaBaseUrl ? { baseUrl: config.ollamaBaseUrl } : {}) }),
        id: `ollama:${model}`,
      };
    }
    case "transformers":
      return createTransformersEmbeddings(config);
  }
}

/**
 * A transformers.js model from a local folder, never downloaded. The runtime
 * (@huggingface/transformers, with native onnxruntime) is an optional install.
 */
async function createTransformersEmbeddings(config: EmbeddingsConfig): Promise<EmbeddingsChoice> {
  const dir = config.transformersModelDir ?? "";
  let module: typeof import("@langchain/community/embeddings/huggingface_transformers");
  let transformers: { env: { allowRemoteModels: boolean; localModelPath: string } };
  try {
    transformers = (await import(/* optional */ "@huggingface/transformers" as string)) as typeof transformers;
    module = await import("@langchain/community/embeddings/huggingface_transformers");
  } catch (error) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, "EMBEDDINGS_PROVIDER=transformers needs the optional package @huggingface/transformers", {
      cause: error,
      hint: "Run `npm install @huggingface/transformers` (it brings onnxruntime), or choose another EMBEDDINGS_PROVIDER.",
    });
  }
  // transformers.js resolves a model name below localModelPath: the folder's parent.
  transformers.env.allowRemoteModels = false;
  transformers.env.localModelPath = dirname(resolve(dir));
  const model = basename(resolve(dir));
  return {
    embeddings: new module.HuggingFaceTransformersEmbeddings({ model }),
    id: `transformers:${model}`,
  };
}
