import type { Activity } from "botbuilder";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../../../bot/index.js";
import { newRequestId } from "../shared/request-id.js";
import { isLoopbackAddress, isLoopbackUrl, sameServiceUrl } from "./loopback.js";
import { describeIssues, InboundActivitySchema } from "./payload-schema.js";
import { setRequestScope } from "./request-scope.js";
import type { TeamsBot } from "./teams-bot.js";
import type { TeamsCloudAdapter } from "./teams-cloud-adapter.js";

interface MessagesRouteDeps {
  adapter: TeamsCloudAdapter;
  bot: TeamsBot;
  logger: Logger;
  /** Emulator mode: no tokens, so only loopback peers and loopback service URLs are served. */
  emulator: boolean;
  /** PUBLIC_BASE_URL; otherwise links use the host the request came to. */
  publicBaseUrl?: string;
}

/**
 * POST /api/messages, in the order that keeps failures honest: a body that is not a JSON
 * object is a 400; then the token is checked (any failure: 401, and nothing runs), and the
 * activity's serviceUrl must be the one the token vouches for (replies go nowhere else); in
 * emulator mode, where there is no token, the peer and the serviceUrl must be loopback
 * addresses. Then the activity's shape (400); then the bot runs, and an invoke's response is
 * the HTTP body.
 */
export function createMessagesHandler(deps: MessagesRouteDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = newRequestId("teams");
    res.set("x-request-id", requestId);
    const log = deps.logger.child({ requestId });
    const body: unknown = req.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      log.warn({ contentType: req.get("content-type") }, "teams request without a JSON activity");
      res.status(400).json({ error: "expected a Bot Framework activity as a JSON object (Content-Type: application/json)", requestId });
      return;
    }
    const serviceUrl = (body as { serviceUrl?: unknown }).serviceUrl;
    if (deps.emulator && !(isLoopbackAddress(req.socket.remoteAddress) && isLoopbackUrl(serviceUrl))) {
      log.warn(
        { peerLoopback: isLoopbackAddress(req.socket.remoteAddress), serviceUrlLoopback: isLoopbackUrl(serviceUrl) },
        "teams request rejected: emulator mode serves loopback only",
      );
      res.status(401).json({ error: "unauthorized", requestId });
      return;
    }
    let authenticated: Awaited<ReturnType<TeamsCloudAdapter["authenticate"]>>;
    try {
      authenticated = await deps.adapter.authenticate(body as Activity, req.get("authorization") ?? "");
    } catch (error) {
      log.warn({ reason: (error as Error).message, hasToken: Boolean(req.get("authorization")) }, "teams request rejected: authentication failed");
      res.status(401).json({ error: "unauthorized", requestId });
      return;
    }
    const vouched = authenticated.claimsIdentity?.getClaimValue("serviceurl");
    if (!deps.emulator && !(typeof serviceUrl === "string" && vouched && sameServiceUrl(vouched, serviceUrl))) {
      log.warn({ hasClaim: Boolean(vouched) }, "teams request rejected: serviceUrl is not the one the token vouches for");
      res.status(401).json({ error: "unauthorized", requestId });
      return;
    }
    const parsed = InboundActivitySchema.safeParse(body);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      log.warn({ issues }, "teams request rejected: malformed activity");
      res.status(400).json({ error: `malformed activity: ${issues}`, requestId });
      return;
    }
    const activity = parsed.data as unknown as Activity;
    const scope = {
      requestId,
      logger: log.child({ user: activity.from?.id, conversation: activity.conversation.id, activity: activity.type }),
      baseUrl: (deps.publicBaseUrl ?? `${req.protocol}://${req.get("host")}`).replace(/\/+$/, ""),
    };
    try {
      const invokeResponse = await deps.adapter.processAuthenticated(authenticated, activity, async (context) => {
        setRequestScope(context, scope);
        await deps.bot.run(context);
      });
      if (invokeResponse?.body !== undefined) res.status(invokeResponse.status).json(invokeResponse.body);
      else res.status(invokeResponse?.status ?? 200).end();
    } catch (error) {
      scope.logger.error({ err: (error as Error).message, stack: (error as Error).stack }, "teams turn failed");
      res.status(500).json({ error: "internal error", requestId });
    }
  };
}

/** A body express.json() could not parse: 400 with the reason, as JSON like every other answer here. */
export function jsonBodyErrors(logger: Logger) {
  return (error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction): void => {
    if (error.status === undefined || error.status >= 500) {
      next(error);
      return;
    }
    logger.warn({ reason: error.type ?? error.message }, "teams request body rejected");
    res.status(error.status).json({ error: `bad request body: ${error.message}` });
  };
}
