import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the bot made to the Bot Connector REST API (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference). */
export interface ConnectorCall {
  method: string;
  conversationId: string;
  /** The activity id in the path: the replied-to activity (POST) or the updated one (PUT). */
  activityId?: string;
  authorization?: string;
  // biome-ignore lint/suspicious/noExplicitAny: activities are free-form JSON; tests read what they assert on.
  body: any;
  /** The id this fake gave the activity. */
  id: string;
}

export interface FakeConnector {
  /** The serviceUrl to put into inbound activities. */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Activities sent (POST), optionally since an index. */
  sent(since?: number): ConnectorCall[];
  updates(since?: number): ConnectorCall[];
  /** Refuse the next n calls with HTTP 403, as the connector does for a conversation the bot was removed from (not retried). */
  failNext(n: number): void;
  close(): Promise<void>;
}

/** A local Bot Connector recording replies (POST …/activities[/:replyToId]) and card updates (PUT …/activities/:id). */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let failures = 0;
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? "");
      if (!match?.[1]) {
        res.statusCode = 404;
        res.end("{}");
        return;
      }
      if (failures > 0) {
        failures--;
        res.statusCode = 403;
        res.end(JSON.stringify({ error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." } }));
        return;
      }
      const id = req.method === "PUT" && match[2] ? decodeURIComponent(match[2]) : `bot-${++counter}`;
      const text = Buffer.concat(chunks).toString("utf8");
      calls.push({
        method: req.method ?? "",
        conversationId: decodeURIComponent(match[1]),
        ...(match[2] ? { activityId: decodeURIComponent(match[2]) } : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: text ? JSON.parse(text) : undefined,
        id,
      });
      res.end(JSON.stringify({ id }));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    sent: (since = 0) => calls.slice(since).filter((c) => c.method === "POST"),
    updates: (since = 0) => calls.slice(since).filter((c) => c.method === "PUT"),
    failNext: (n) => {
      failures = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
