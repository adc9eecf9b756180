import type { ChatModel } from "../../bot/index.js";
import { createLangChainChatModel } from "./langchain-chat-model.js";

export type LlmProvider = "none" | "openai" | "azure-openai" | "ollama";

export interface LlmConfig {
  provider: LlmProvider;
  /** The model; for Azure the model the deployment runs (e.g. gpt-4o-mini), which decides JSON-schema support. */
  model?: string;
  /** OpenAI-compatible base URL (…/v1), Azure endpoint (https://NAME.openai.azure.com) or Ollama server; how tests reach a local fake. */
  baseUrl?: string;
  apiKey?: string;
  /** Azure only. */
  apiVersion?: string;
  azureInstanceName?: string;
  azureDeployment?: string;
  timeoutMs: number;
}

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

/**
 * The configured language model as our ChatModel port, or undefined for `none` (the offline
 * answer). No retries: a failure falls back to the offline answer at once instead of making
 * the user wait; the timeout is enforced by the caller too.
 */
export async function createChatModel(config: LlmConfig): Promise<ChatModel | undefined> {
  switch (config.provider) {
    case "none":
      return undefined;
    case "openai": {
      const { ChatOpenAI } = await import("@langchain/openai");
      const model = config.model ?? DEFAULT_OPENAI_MODEL;
      const chat = new ChatOpenAI({
        model,
        apiKey: config.apiKey ?? "",
        temperature: 0,
        maxRetries: 0,
        timeout: config.timeoutMs,
        ...(config.baseUrl ? { configuration: { baseURL: config.baseUrl } } : {}),
      });
      return createLangChainChatModel(chat, { provider: "openai", model });
    }
    case "azure-openai": {
      const { AzureChatOpenAI } = await import("@langchain/openai");
      const model = config.model ?? DEFAULT_OPENAI_MODEL;
      const deployment = config.azureDeployment ?? model;
      const chat = new AzureChatOpenAI({
        model,
        azureOpenAIApiKey: config.apiKey ?? "",
        azureOpenAIApiDeploymentName: deployment,
        azureOpenAIApiVersion: config.apiVersion ?? "2024-10-21",
        ...(config.baseUrl ? { azureOpenAIBasePath: `${config.baseUrl.replace(/\/+$/, "")}/openai/deployments` } : {}),
        ...(config.azureInstanceName && !config.baseUrl ? { azureOpenAIApiInstanceName: config.azureInstanceName } : {}),
        temperature: 0,
        maxRetries: 0,
        timeout: config.timeoutMs,
      });
      return createLangChainChatModel(chat, { provider: "azure-openai", model: deployment });
    }
    case "ollama": {
      const { ChatOllama } = await import("@langchain/ollama");
      const model = config.model ?? "";
      const chat = new ChatOllama({ model, temperature: 0, maxRetries: 0, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) });
      return createLangChainChatModel(chat, { provider: "ollama", model });
    }
  }
}
