import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the fake Web API received, its arguments decoded (blocks and views parsed from JSON). */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
  /** What the fake answered (e.g. the ts of a posted message). */
  result?: Record<string, unknown>;
}

export type Failure = { status: 429; retryAfter: number } | { status: number } | { error: string };

/**
 * A local stand-in for Slack's Web API (https://docs.slack.dev/reference/methods) on
 * 127.0.0.1: the methods the adapter calls, the files.uploadV2 upload URL, and response_url
 * endpoints. It records every call and can be told to fail the next call of a method.
 */
export interface FakeSlackApi {
  /** Base URL ending in /api/, for SLACK_API_URL. */
  apiUrl: string;
  origin: string;
  /** What apps.connections.open answers (a fake Socket Mode server). */
  socketModeUrl?: string;
  calls: SlackCall[];
  uploads: Array<{ fileId: string; bytes: number; body: Buffer }>;
  /** Bodies posted to response_url endpoints (/response/...). */
  responses: Array<{ path: string; body: Record<string, unknown> }>;
  callsOf(method: string): SlackCall[];
  /** Makes the next `times` calls of `method` fail (HTTP 429 with Retry-After, another status, or ok:false). */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Resolves once `predicate` holds (checked as calls arrive), or rejects after `timeoutMs`. */
  waitFor(predicate: (api: FakeSlackApi) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves once no call arrived for `quietMs`. */
  settle(quietMs?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_BOT_USER = "UBOT0001";
export const FAKE_BOT_ID = "BBOT0001";
export const FAKE_TEAM = "TFAKE0001";

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: SlackCall[] = [];
  const uploads: FakeSlackApi["uploads"] = [];
  const responses: FakeSlackApi["responses"] = [];
  const failures = new Map<string, Failure[]>();
  const waiters = new Set<() => void>();
  let clock = 1_700_000_000;
  let lastCallAt = Date.now();
  let files = 0;
  let views = 0;

  const notify = () => {
    lastCallAt = Date.now();
    for (const check of [...waiters]) check();
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake");
    if (url.pathname.startsWith("/upload/")) {
      uploads.push({ fileId: url.pathname.slice("/upload/".length), bytes: body.length, body });
      res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${body.length}`);
      notify();
      return;
    }
    if (url.pathname.startsWith("/response/")) {
      responses.push({ path: url.pathname, body: JSON.parse(body.toString("utf8")) as Record<string, unknown> });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      notify();
      return;
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const args = decodeArgs(body.toString("utf8"), String(req.headers["content-type"] ?? ""));
    const token = String(req.headers.authorization ?? "").replace(/^Bearer /, "") || undefined;
    const call: SlackCall = { method, args, ...(token ? { token } : {}), at: Date.now() };
    calls.push(call);
    const failure = failures.get(method)?.shift();
    if (failure) {
      if ("error" in failure) json(res, 200, { ok: false, error: failure.error });
      else if (failure.status === 429 && "retryAfter" in failure) {
        res.writeHead(429, { "retry-after": String(failure.retryAfter), "content-type": "application/json" }).end('{"ok":false,"error":"ratelimited"}');
      } else res.writeHead(failure.status).end("failure");
      notify();
      return;
    }
    call.result = answer(method, args);
    json(res, 200, call.result);
    notify();
  }

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "apps.connections.open":
        return api.socketModeUrl ? { ok: true, url: api.socketModeUrl } : { ok: false, error: "invalid_auth" };
      case "auth.test":
        return { ok: true, user_id: FAKE_BOT_USER, bot_id: FAKE_BOT_ID, team_id: FAKE_TEAM, user: "compliance" };
      case "chat.postMessage": {
        clock += 1;
        const ts = `${clock}.000100`;
        return { ok: true, channel: args.channel, ts, message: { ts, text: args.text, ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}) } };
      }
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case "chat.postEphemeral":
        clock += 1;
        return { ok: true, message_ts: `${clock}.000200` };
      case "views.open":
      case "views.publish":
        views += 1;
        return { ok: true, view: { id: `V${views}`, ...(args.view as object) } };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, "")}` } };
      case "files.getUploadURLExternal":
        files += 1;
        return { ok: true, upload_url: `${origin}/upload/F${files}`, file_id: `F${files}` };
      case "files.completeUploadExternal":
        return { ok: true, files: (args.files as Array<{ id: string; title?: string }>).map((f) => ({ id: f.id, title: f.title })) };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const api: FakeSlackApi = {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    uploads,
    responses,
    callsOf: (method) => calls.filter((c) => c.method === method),
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(api)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Slack API: condition not met within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(", ")}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async settle(quietMs = 150) {
      while (Date.now() - lastCallAt < quietMs) await new Promise((r) => setTimeout(r, quietMs / 3));
    },
    reset() {
      calls.length = 0;
      uploads.length = 0;
      responses.length = 0;
      failures.clear();
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
  return api;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The Web API client posts form-encoded arguments, objects as JSON strings. */
function decodeArgs(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("application/json")) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
