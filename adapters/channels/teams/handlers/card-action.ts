import type { InvokeResponse, TurnContext } from "botbuilder";
import type { Reply, Turn } from "../../../../bot/index.js";
import { MAX_NOTE, parseCardData } from "../card-data.js";
import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { type Delivered, deliverReply } from "../deliver-reply.js";
import type { TeamsHandlerDeps } from "../handler-deps.js";
import { CardInvokeValueSchema, describeIssues } from "../payload-schema.js";
import { turnBase } from "../payload-to-turn.js";
import { requestScope } from "../request-scope.js";
import { runTurn } from "../run-turn.js";
import { teamsTexts } from "../texts.js";

/** Universal Actions invoke response types (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards). */
const CARD_RESPONSE = "application/vnd.microsoft.card.adaptive";
const MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message";
const ERROR_RESPONSE = "application/vnd.microsoft.error";

/**
 * Action.Execute (an `adaptiveCard/action` invoke): answered in the same HTTP response, with
 * the replacement card when an answer was recorded. Feedback is acknowledged in the
 * response alone; a retried invoke gets the same response, and sends only what did not arrive.
 */
export async function onCardAction(deps: TeamsHandlerDeps, context: TurnContext): Promise<InvokeResponse> {
  const scope = requestScope(context);
  const base = turnBase(context.activity);
  const lang = base.lang ?? "zh";
  const t = teamsTexts(lang);
  const invoke = CardInvokeValueSchema.safeParse(context.activity.value);
  if (!invoke.success) {
    scope.logger.warn({ issues: describeIssues(invoke.error) }, "malformed adaptiveCard/action invoke");
    return errorResponse(t.invalidCard(scope.requestId));
  }
  const parsed = parseCardData(invoke.data.action.data);
  if (!parsed.ok) {
    scope.logger.warn({ reason: parsed.reason, detail: parsed.detail }, "card action data rejected");
    return errorResponse(parsed.reason === "note_too_long" ? t.noteTooLong(MAX_NOTE) : t.invalidCard(scope.requestId));
  }
  const turn: Turn = { ...base, action: parsed.action };
  // Feedback is acknowledged in the response alone, but 👎's reasons are a card to send.
  const sends = (reply: Reply) => parsed.action.type !== "feedback" || reply.parts.some((p) => p.kind === "feedback_reasons");
  let delivered: Delivered | undefined;
  let failure: string | undefined;
  const result = await runTurn(deps, context, turn, {
    deliver: async (reply) => {
      delivered = await deliverReply(context, deps, reply, turn, { send: sends(reply), returnReplacement: true });
    },
    // The failure is the invoke response itself.
    tellFailure: async (text) => {
      failure = text;
    },
  });
  if (result.status === "already-delivered") delivered = await deliverReply(context, deps, result.reply, turn, { send: false, returnReplacement: true });
  if (failure || !delivered || !result.reply) return messageResponse(failure ?? t.done);
  if (delivered.replacement) return cardResponse(delivered.replacement);
  return messageResponse(delivered.firstText ?? teamsTexts(result.reply.lang).done);
}

function cardResponse(card: AdaptiveCard): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: CARD_RESPONSE, value: card } };
}

function messageResponse(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: MESSAGE_RESPONSE, value: text } };
}

function errorResponse(message: string): InvokeResponse {
  return { status: 400, body: { statusCode: 400, type: ERROR_RESPONSE, value: { code: "BadRequest", message } } };
}
