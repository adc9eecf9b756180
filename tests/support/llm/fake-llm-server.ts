import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** What the fake model answers to one chat request. */
export type ScriptedReply =
  /** Structured output: the object is sent as the message content (JSON). */
  | { kind: "json"; value: unknown }
  /** Raw message content, e.g. prose or broken JSON. */
  | { kind: "text"; content: string }
  /** An OpenAI refusal (message.refusal set, no content); for Ollama a refusal in prose. */
  | { kind: "refusal"; text: string }
  | { kind: "status"; status: number; headers?: Record<string, string> }
  /** Never answers (until the server closes). */
  | { kind: "hang" };

export interface RecordedChat {
  api: "openai" | "ollama";
  path: string;
  authorization?: string;
  apiKeyHeader?: string;
  /** The messages' contents, system first. */
  messages: Array<{ role: string; content: string }>;
  body: Record<string, unknown>;
}

export interface FakeLlmServer {
  url: string;
  calls: RecordedChat[];
  close(): Promise<void>;
}

/**
 * A local model server speaking OpenAI chat completions (`/v1/chat/completions`, and the
 * Azure deployment path) and Ollama's `/api/chat`, answering each request as `script` says.
 */
export async function startFakeLlmServer(script: (call: RecordedChat) => ScriptedReply): Promise<FakeLlmServer> {
  const calls: RecordedChat[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => respond(req, res, body));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  function respond(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const path = req.url ?? "";
    const api = path.startsWith("/api/chat") ? "ollama" : path.includes("/chat/completions") ? "openai" : undefined;
    if (!api) {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: `no route ${path}` } }));
      return;
    }
    const json = JSON.parse(raw) as Record<string, unknown>;
    const messages = ((json.messages as Array<{ role: string; content: unknown }>) ?? []).map((m) => ({
      role: m.role,
      content: typeof m.content === "string" ? m.content : JSON.stringify(m.content),
    }));
    const call: RecordedChat = {
      api,
      path,
      messages,
      body: json,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(typeof req.headers["api-key"] === "string" ? { apiKeyHeader: req.headers["api-key"] } : {}),
    };
    calls.push(call);
    const reply = script(call);
    if (reply.kind === "hang") return;
    res.setHeader("content-type", "application/json");
    if (reply.kind === "status") {
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(JSON.stringify({ error: { message: `scripted ${reply.status}`, type: "scripted" } }));
      return;
    }
    if (api === "ollama") {
      const content = reply.kind === "json" ? JSON.stringify(reply.value) : reply.kind === "text" ? reply.content : reply.text;
      res.setHeader("content-type", "application/x-ndjson");
      res.end(
        `${JSON.stringify({ model: json.model, created_at: new Date().toISOString(), message: { role: "assistant", content }, done: true, done_reason: "stop" })}\n`,
      );
      return;
    }
    const message =
      reply.kind === "refusal"
        ? { role: "assistant", content: null, refusal: reply.text }
        : { role: "assistant", content: reply.kind === "json" ? JSON.stringify(reply.value) : reply.content, refusal: null };
    res.end(
      JSON.stringify({
        id: `chatcmpl-${calls.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: json.model ?? "fake",
        choices: [{ index: 0, message, finish_reason: "stop", logprobs: null }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }

  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
