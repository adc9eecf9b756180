import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import { type ChatModel, type DraftReply, DraftSchema } from "../../bot/index.js";
import { AppError, ErrorCodes } from "../../knowledge/index.js";
import { GROUNDING_PROMPT, promptValues } from "./grounding-prompt.js";

/**
 * The ChatModel port over any LangChain chat model: the grounding prompt, structured output
 * with the zod schema (JSON schema for OpenAI and Ollama), and the provider's failures
 * mapped to our error codes.
 */
export function createLangChainChatModel(chat: BaseChatModel, info: { provider: string; model: string }): ChatModel {
  const chain = GROUNDING_PROMPT.pipe(chat.withStructuredOutput(DraftSchema, { name: "grounded_answer", method: "jsonSchema", includeRaw: true }));
  return {
    provider: info.provider,
    model: info.model,
    async draft(request, { signal }): Promise<DraftReply> {
      let output: unknown;
      try {
        output = await chain.invoke(promptValues(request), { signal });
      } catch (error) {
        throw classify(error, signal);
      }
      // With includeRaw the chain gives { raw, parsed } (parsed null when unreadable); LangChain's fakes give the object itself.
      const { raw, parsed } = isRawAndParsed(output) ? output : { raw: undefined, parsed: output };
      const checked = DraftSchema.safeParse(parsed);
      if (checked.success) return { kind: "draft", sentences: checked.data.sentences };
      const text = contentOf(raw);
      // No JSON at all (an empty message or prose): the model declined rather than garbled.
      if (raw && !text.includes("{")) return { kind: "refused", detail: text || "empty reply" };
      throw new AppError(ErrorCodes.MODEL_OUTPUT_INVALID, `the model's output does not match the answer schema: ${text.slice(0, 200)}`);
    },
  };
}

function isRawAndParsed(value: unknown): value is { raw: BaseMessage; parsed: unknown } {
  return typeof value === "object" && value !== null && "raw" in value && "parsed" in value;
}

function contentOf(message: BaseMessage | undefined): string {
  if (!message) return "";
  const refusal = message.additional_kwargs?.refusal;
  if (typeof refusal === "string" && refusal) return refusal;
  return typeof message.content === "string" ? message.content.trim() : JSON.stringify(message.content);
}

/** Maps OpenAI, Azure and Ollama client errors onto our codes (the status is where each client puts it). */
function classify(error: unknown, signal: AbortSignal): AppError {
  if (signal.aborted && signal.reason instanceof AppError) return signal.reason;
  const e = error as { status?: number; status_code?: number; lc_error_code?: string; name?: string; message?: string };
  const status = e?.status ?? e?.status_code;
  const message = e?.message ?? String(error);
  if (status === 429 || e?.lc_error_code === "MODEL_RATE_LIMIT")
    return new AppError(ErrorCodes.MODEL_RATE_LIMITED, `rate-limited: ${message}`, { cause: error });
  if (e?.lc_error_code === "OUTPUT_PARSING_FAILURE" || e?.name === "ZodError" || e?.name === "SyntaxError")
    return new AppError(ErrorCodes.MODEL_OUTPUT_INVALID, `unreadable output: ${message.slice(0, 200)}`, { cause: error });
  return new AppError(ErrorCodes.MODEL_FAILED, `${status ? `HTTP ${status}: ` : ""}${message.slice(0, 200)}`, { cause: error });
}
