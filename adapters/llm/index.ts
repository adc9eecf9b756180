/** Creates the configured language model (LangChain) as the bot's ChatModel port, or undefined for none. */
export { createChatModel, DEFAULT_OPENAI_MODEL, type LlmConfig, type LlmProvider } from "./create-chat-model.js";
/** Wraps any LangChain chat model (a provider's or a fake) as the ChatModel port. */
export { createLangChainChatModel } from "./langchain-chat-model.js";
