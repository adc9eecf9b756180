import type { TurnContext } from "botbuilder";
import type { Reply, Turn, Viewer } from "../../../bot/index.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import type { TeamsHandlerDeps } from "./handler-deps.js";
import { cardActivity, type Outgoing, type ReportLinkView, renderReply, toActivity } from "./render-reply.js";
import { requestScope } from "./request-scope.js";

/** What delivery needs of the handler deps. */
type DeliveryDeps = Pick<TeamsHandlerDeps, "engine" | "reportLinks">;

interface DeliveryOptions {
  /** Action.Submit on an item card: the card (this activity id) is updated in place with what was recorded. */
  updateCardId?: string;
  /** Action.Execute: the card that replaces the clicked one is returned for the invoke response. */
  returnReplacement?: boolean;
  /** False when only the invoke response is wanted (feedback clicks, a retried invoke already delivered): nothing is sent. */
  send: boolean;
}

export interface Delivered {
  replacement?: AdaptiveCard;
  /** The first notice, for an invoke response that shows a short message. */
  firstText?: string;
}

/**
 * Sends a reply to the conversation. After an answer from a card, what was recorded replaces
 * the card (Universal Actions: in the invoke response; Action.Submit: updateActivity on the
 * card's id), and the next item follows as a new message.
 */
export async function deliverReply(context: TurnContext, deps: DeliveryDeps, reply: Reply, turn: Turn, options: DeliveryOptions): Promise<Delivered> {
  const scope = requestScope(context);
  // Links are made only for replies actually sent (not for a duplicate delivery).
  const reports = options.send ? await reportLinks(deps, reply, turn, scope.baseUrl) : undefined;
  const outgoing = renderReply(reply, reports);
  const firstText = outgoing.find((o): o is Extract<Outgoing, { kind: "text" }> => o.kind === "text")?.text;
  let replacement: Extract<Outgoing, { kind: "card" }> | undefined;
  if (turn.action?.type === "answer" && (options.returnReplacement || options.updateCardId)) {
    const index = outgoing.findIndex((o) => o.kind === "card" && o.part === "recorded");
    const recorded = outgoing[index];
    if (recorded?.kind === "card") {
      outgoing.splice(index, 1);
      replacement = recorded;
    }
  }
  const delivered: Delivered = { ...(firstText ? { firstText } : {}) };
  if (replacement && options.returnReplacement) delivered.replacement = replacement.card;
  if (!options.send) return delivered;
  let updated = false;
  if (replacement && options.updateCardId) {
    try {
      await context.updateActivity({ ...cardActivity(replacement.card, replacement.summary), id: options.updateCardId });
      updated = true;
    } catch (error) {
      // The card may be gone (deleted, too old to edit): show what was recorded as a new message instead.
      scope.logger.warn({ card: options.updateCardId, err: (error as Error).message }, "card update failed; sending the recorded answer as a new message");
      outgoing.unshift(replacement);
    }
  }
  if (outgoing.length > 0) await context.sendActivities(outgoing.map(toActivity));
  scope.logger.info({ sent: outgoing.length, updated, parts: reply.parts.map((p) => p.kind) }, "teams reply delivered");
  return delivered;
}

/** Report parts: the engine decides access, then a download link is made. */
async function reportLinks(deps: DeliveryDeps, reply: Reply, turn: Turn, baseUrl: string): Promise<Map<string, ReportLinkView | undefined>> {
  const links = new Map<string, ReportLinkView | undefined>();
  const viewer: Viewer = { channel: turn.channel, userId: turn.userId, conversationId: turn.conversationId, ...(turn.teamId ? { teamId: turn.teamId } : {}) };
  for (const part of reply.parts) {
    if (part.kind !== "report" || links.has(part.assessmentId)) continue;
    const report = await deps.engine.report(part.assessmentId, reply.lang, viewer);
    if (!report) {
      links.set(part.assessmentId, undefined);
      continue;
    }
    const token = await deps.reportLinks.create({ assessmentId: report.assessmentId, lang: reply.lang, userId: turn.userId, teamId: turn.teamId ?? "" });
    links.set(part.assessmentId, { report, url: `${baseUrl}/api/teams/reports/${token}`, ttlMinutes: deps.reportLinks.ttlMinutes });
  }
  return links;
}
