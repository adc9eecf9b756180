import { ExpressReceiver, type Logger as SlackLogger, SocketModeReceiver } from "@slack/bolt";
import { type Request, type Response, Router } from "express";
import type { Logger } from "../../../bot/index.js";
import { isKnownPayload, structureProblem } from "./payload-schema.js";
import type { SlackSettings } from "./settings.js";
import { clientOptions, type WebClientOptions } from "./web-client.js";

/** The path Slack posts events, slash commands and interactivity to (see adapters/channels/slack/manifest.yaml). */
export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * Bolt's ExpressReceiver on a router of its own, mounted on the shared express app. It reads
 * the raw body itself (the v0 signature covers the exact bytes), answers 401 to a bad or
 * stale signature and 400 to a body that does not parse. A signed body of no known type is
 * answered 400 at once; plain Bolt would hold it until its 3-second timeout and answer 404.
 * A signed body of a known type but a broken structure (`event: null`, `actions` not an
 * array) is acknowledged with 200 and logged: Slack signed it, so retrying cannot help, and
 * any other status makes Slack retry it.
 */
class SlackExpressReceiver extends ExpressReceiver {
  constructor(
    options: ConstructorParameters<typeof ExpressReceiver>[0],
    private readonly log: Logger,
  ) {
    super(options);
  }

  override async requestHandler(req: Request, res: Response): Promise<void> {
    if (!isKnownPayload(req.body)) {
      this.log.warn({ path: req.path }, "signed slack request of unknown type rejected");
      res.status(400).send();
      return;
    }
    const problem = structureProblem(req.body);
    if (problem) {
      this.log.warn({ path: req.path, problem }, "signed slack request of invalid structure acknowledged and ignored");
      res.status(200).send();
      return;
    }
    return super.requestHandler(req, res);
  }
}

export function createHttpReceiver(settings: SlackSettings, slackLogger: SlackLogger, logger: Logger): { receiver: ExpressReceiver; router: Router } {
  const router = Router();
  const receiver = new SlackExpressReceiver(
    {
      signingSecret: settings.signingSecret ?? "",
      endpoints: SLACK_EVENTS_PATH,
      router,
      logger: slackLogger,
      // Acknowledge first, work afterwards: Slack retries anything not acknowledged within 3 s.
      processBeforeResponse: false,
    },
    logger,
  );
  return { receiver, router };
}

/** Socket Mode: Slack's WebSocket instead of a public URL; its Web API calls honour SLACK_API_URL too. */
export function createSocketReceiver(settings: SlackSettings, slackLogger: SlackLogger, options: WebClientOptions = {}): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: settings.appToken ?? "",
    logger: slackLogger,
    installerOptions: { clientOptions: clientOptions(settings, slackLogger, options) },
  });
}
