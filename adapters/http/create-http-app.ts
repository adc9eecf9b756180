import express, { type Express } from "express";
import type { Logger } from "../../bot/index.js";

/** A chat channel served by the shared HTTP server (Slack at /slack/events, Teams at /api/messages). */
export interface ChannelMount {
  name: string;
  /** How requests are authenticated, said at start-up. */
  auth: string;
  /** Adds the channel's routes. Routes parse their own bodies: Slack needs the raw body to verify signatures. */
  mount(app: Express): void;
  /** Starts background connections (Socket Mode); must not throw when the platform is unreachable. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

interface HttpAppOptions {
  logger: Logger;
  channels: ChannelMount[];
  /** Extra facts for GET /healthz (index status, channels on). */
  health: () => Record<string, unknown>;
}

/** One express app for every channel, plus GET /healthz. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", channels: options.channels.map((c) => c.name), ...options.health() });
  });
  for (const channel of options.channels) channel.mount(app);
  app.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  return app;
}
